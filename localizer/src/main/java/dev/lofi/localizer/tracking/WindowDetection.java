package dev.lofi.localizer.tracking;

/**
 * A detection of one head run, moved to the stream's media time.
 *
 * @param label the action class
 * @param start seconds
 * @param end seconds, after {@code start}
 * @param score the head's confidence
 * @param startCut the detection starts at the window's first snippet after the window has slid:
 *     the action may have started before, where this window no longer sees
 */
public record WindowDetection(String label, double start, double end, double score, boolean startCut) {}
