package dev.lofi.model.evaluation;

/**
 * One ground-truth action instance of the evaluation: a class name and an interval in seconds.
 * Zero-length intervals are allowed, since ground-truth files hold some and the official
 * evaluator scores them (see {@link DetectionEvaluation}).
 *
 * @param label class name, not blank
 * @param start seconds, finite, at most {@code end}
 * @param end seconds, finite
 */
public record ActionInstance(String label, double start, double end) {

  public ActionInstance {
    Prediction.checkLabel(label);
    Prediction.checkInterval(start, end);
  }
}
