package dev.lofi.model.segment;

/**
 * One detected action in a video: a class, an interval in <b>seconds of media time</b> from the
 * start of the video (or of the window the head saw, see {@link #shifted}), and a confidence.
 *
 * <p>Seconds, not normalised time, because every consumer downstream speaks seconds: the
 * ActivityNet evaluator, the {@code lofi.segments} events and the annotations. {@link VideoInfo}
 * maps the head's snippet positions to seconds.
 *
 * @param label class index in {@code [0, K)}
 * @param start seconds, finite, at most {@code end}
 * @param end seconds, finite
 * @param score confidence, finite and non-negative (sigmoid scores after soft-NMS decay)
 */
public record Detection(int label, double start, double end, double score) {

  public Detection {
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
    if (!Double.isFinite(start) || !Double.isFinite(end) || end < start) {
      throw new IllegalArgumentException("need finite start <= end, got [" + start + ", " + end + "]");
    }
    if (!Double.isFinite(score) || score < 0) {
      throw new IllegalArgumentException("score must be finite and >= 0, got " + score);
    }
  }

  /** Length of the interval, seconds. */
  public double duration() {
    return end - start;
  }

  /** The same detection with another score (soft-NMS decays scores, nothing else). */
  public Detection withScore(double newScore) {
    return new Detection(label, start, end, newScore);
  }

  /** The same detection moved by {@code seconds}: window time to stream time for live windows. */
  public Detection shifted(double seconds) {
    return new Detection(label, start + seconds, end + seconds, score);
  }
}
