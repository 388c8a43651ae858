/**
 * Sliding-window localization of long or endless videos, without Kafka: a window of snippet
 * features that slides by a hop, and the rule ({@link dev.lofi.localizer.tracking.ActionTracks})
 * that merges the detections of overlapping windows into one opened and one closed event per
 * action. The live service keeps this state in Kafka Streams stores; offline localization of a
 * long video can run the same steps over its snippets.
 */
package dev.lofi.localizer.tracking;
