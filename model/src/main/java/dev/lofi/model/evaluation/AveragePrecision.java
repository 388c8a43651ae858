package dev.lofi.model.evaluation;

/**
 * Interpolated average precision as VOC 2011 and the ActivityNet evaluator compute it: the area
 * under the precision-recall curve after precision is made non-increasing (each point takes the
 * best precision at the same or a higher recall), taken over every recall value reached.
 */
public final class AveragePrecision {

  private AveragePrecision() {}

  /**
   * The interpolated AP of a ranked list, from its precision and recall after each rank.
   *
   * <p>The curve is closed with (recall 0, precision 0) before the first rank and (recall 1,
   * precision 0) after the last, so the recall a list never reaches adds nothing. A rank that adds
   * no recall (a false positive) adds no area either; it only lowers the precision that ranks
   * before it can be credited with.
   *
   * @param precision precision after each rank, in {@code [0, 1]}
   * @param recall recall after each rank, non-decreasing, in {@code [0, 1]}
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public static double interpolated(double[] precision, double[] recall) {
    if (precision.length != recall.length) {
      throw new IllegalArgumentException("precision and recall differ in length: " + precision.length + " vs " + recall.length);
    }
    int n = precision.length;
    double[] envelope = new double[n + 2];
    double[] recalls = new double[n + 2];
    System.arraycopy(precision, 0, envelope, 1, n);
    System.arraycopy(recall, 0, recalls, 1, n);
    recalls[n + 1] = 1;
    for (int i = n; i >= 0; i--) {
      envelope[i] = Math.max(envelope[i], envelope[i + 1]);
    }
    double ap = 0;
    for (int i = 1; i < n + 2; i++) {
      if (recalls[i] != recalls[i - 1]) {
        ap += (recalls[i] - recalls[i - 1]) * envelope[i];
      }
    }
    return ap;
  }
}
