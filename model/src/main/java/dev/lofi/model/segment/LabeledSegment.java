package dev.lofi.model.segment;

/**
 * One ground-truth action as the head's loss sees it: a class index and an interval in seconds of
 * the video's media time.
 *
 * @param label class index in {@code [0, K)}
 * @param start seconds, finite, {@code >= 0}
 * @param end seconds, finite, {@code > start}
 */
public record LabeledSegment(int label, double start, double end) {

  public LabeledSegment {
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
    if (!Double.isFinite(start) || start < 0 || !Double.isFinite(end) || end <= start) {
      throw new IllegalArgumentException("need finite 0 <= start < end, got [" + start + ", " + end + "]");
    }
  }
}
