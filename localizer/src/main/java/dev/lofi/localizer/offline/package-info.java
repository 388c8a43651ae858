/**
 * Offline localization ({@code lofi localize files}): video files through the live service's
 * inference code, decoded by the live ingest and slid through the same window, each closed action
 * a prediction for ActivityNet's file format; and {@link dev.lofi.localizer.offline.CheckpointRef},
 * which checkpoint to use.
 */
package dev.lofi.localizer.offline;
