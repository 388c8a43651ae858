package dev.lofi.model.segment;

/**
 * Temporal intersection over union (tIoU) of closed intervals. An empty union (two zero-length
 * intervals, or a reversed one) has IoU 0, so the result is always in {@code [0, 1]} and
 * symmetric.
 */
public final class SegmentIou {

  private SegmentIou() {}

  /** tIoU of {@code [s1, e1]} and {@code [s2, e2]}. */
  public static double iou(double s1, double e1, double s2, double e2) {
    double intersection = Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
    double union = Math.max(0, e1 - s1) + Math.max(0, e2 - s2) - intersection;
    return union > 0 ? Math.min(1, intersection / union) : 0;
  }

  /** tIoU of two detections' intervals (labels ignored). */
  public static double iou(Detection a, Detection b) {
    return iou(a.start(), a.end(), b.start(), b.end());
  }

  /** tIoU of {@code [start, end]} against each of {@code [starts[i], ends[i]]}. */
  public static double[] iou(double start, double end, double[] starts, double[] ends) {
    if (starts.length != ends.length) {
      throw new IllegalArgumentException("starts and ends differ in length: " + starts.length + " vs " + ends.length);
    }
    double[] out = new double[starts.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = iou(start, end, starts[i], ends[i]);
    }
    return out;
  }
}
