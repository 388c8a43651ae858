package dev.lofi.cli.report;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One evaluation's detection mAP at each tIoU threshold, as {@code lofi evaluate --json} prints
 * them; fractions in {@code [0, 1]}.
 *
 * @param tiou the thresholds, ascending
 * @param map mAP at each threshold, in the same order
 */
public record MapScores(List<Double> tiou, List<Double> map) {

  /**
   * How close a threshold must be to count as the one asked for: thresholds are made by
   * {@code linspace}, so 0.75 may arrive as 0.7500000000000001.
   */
  static final double THRESHOLD_TOLERANCE = 1e-9;

  public MapScores {
    tiou = List.copyOf(tiou);
    map = List.copyOf(map);
    if (tiou.isEmpty() || tiou.size() != map.size()) {
      throw new IllegalArgumentException("need one mAP per tIoU threshold, got " + tiou.size()
          + " thresholds and " + map.size() + " mAPs");
    }
    for (int i = 0; i < tiou.size(); i++) {
      double t = tiou.get(i);
      if (!(t > 0 && t <= 1) || i > 0 && t <= tiou.get(i - 1)) {
        throw new IllegalArgumentException("tIoU thresholds must ascend within (0, 1], got " + tiou);
      }
      double m = map.get(i);
      if (!(m >= 0 && m <= 1)) {
        throw new IllegalArgumentException("mAP must be in [0, 1], got " + m + " at tIoU " + t);
      }
    }
  }

  /** The average mAP over all thresholds, ActivityNet's headline number. */
  public double average() {
    return map.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** mAP at {@code threshold}, or empty where it was not evaluated. */
  public OptionalDouble at(double threshold) {
    int nearest = nearest(threshold);
    return nearest < 0 ? OptionalDouble.empty() : OptionalDouble.of(map.get(nearest));
  }

  /** Whether {@code other} was evaluated at the same thresholds, so the two may be averaged. */
  public boolean sameThresholds(MapScores other) {
    if (other.tiou.size() != tiou.size()) {
      return false;
    }
    for (int i = 0; i < tiou.size(); i++) {
      if (Math.abs(other.tiou.get(i) - tiou.get(i)) > THRESHOLD_TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  private int nearest(double threshold) {
    int best = -1;
    double bestDistance = THRESHOLD_TOLERANCE;
    for (int i = 0; i < tiou.size(); i++) {
      double distance = Math.abs(tiou.get(i) - threshold);
      if (distance <= bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  }
}
