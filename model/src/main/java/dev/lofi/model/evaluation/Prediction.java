package dev.lofi.model.evaluation;

import dev.lofi.model.segment.Detection;
import java.util.List;

/**
 * One predicted action as the evaluation sees it: a class name, an interval in seconds and a
 * confidence. Unlike {@link Detection} the class is a name, because predictions and ground truth
 * meet by name in ActivityNet files, and a label the model does not know must still be counted.
 *
 * @param label class name, not blank
 * @param start seconds, finite, at most {@code end}
 * @param end seconds, finite
 * @param score confidence, finite (any sign: only the order of scores matters)
 */
public record Prediction(String label, double start, double end, double score) {

  public Prediction {
    checkLabel(label);
    checkInterval(start, end);
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, got " + score);
    }
  }

  /**
   * A head's detection, its class index named from {@code labels}.
   *
   * @throws IllegalArgumentException if the index is not one of {@code labels}
   */
  public static Prediction of(Detection detection, List<String> labels) {
    if (detection.label() >= labels.size()) {
      throw new IllegalArgumentException("class index " + detection.label() + " is not one of " + labels.size() + " labels");
    }
    return new Prediction(labels.get(detection.label()), detection.start(), detection.end(), detection.score());
  }

  static void checkLabel(String label) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank, got '" + label + "'");
    }
  }

  static void checkInterval(double start, double end) {
    if (!Double.isFinite(start) || !Double.isFinite(end) || end < start) {
      throw new IllegalArgumentException("need finite start <= end, got [" + start + ", " + end + "]");
    }
  }
}
