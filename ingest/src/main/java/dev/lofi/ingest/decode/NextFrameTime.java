package dev.lofi.ingest.decode;

/**
 * Foresees the media time of the next decoded frame, so that a caller can decide before decoding
 * it whether to convert it: one observed frame interval after the latest frame (frame rates vary),
 * or one nominal frame where no interval has been observed or the timestamps went back. Live
 * ingest foresees this way; file ingest reads each frame's time from the probe
 * ({@link VideoProbe#frameAfter}).
 */
public final class NextFrameTime {

  private final double nominalFrameSeconds;
  private double latest = Double.NaN;
  private double next;

  /**
   * @param nominalFrameSeconds one frame at the stream's nominal rate
   * @param first the expected time of the first frame; NaN where it cannot be foreseen
   */
  public NextFrameTime(double nominalFrameSeconds, double first) {
    this.nominalFrameSeconds = nominalFrameSeconds;
    this.next = first;
  }

  /** A frame arrived at {@code seconds}. */
  public void observe(double seconds) {
    double step = Double.isNaN(latest) || seconds <= latest ? nominalFrameSeconds : seconds - latest;
    latest = seconds;
    next = seconds + step;
  }

  /** When the next frame is expected. */
  public double next() {
    return next;
  }

  /** Time of the latest frame observed; NaN before the first. */
  public double latest() {
    return latest;
  }
}
