package dev.lofi.ingest.live;

/**
 * The media time of a live stream: seconds that only go forward, across file repeats and
 * reconnects, so that consumers place every snippet on one axis and see outages as gaps. A source's
 * own frame times start near 0 each time it is opened; {@link #begin} and {@link #repeat} place
 * each opening on the axis.
 */
final class MediaTimeline {

  /** Where a frame falls; {@code jumped} when its source time broke off from the frames before it. */
  record Point(double seconds, boolean jumped) {}

  private final int maxGapFrames;
  private double frameSeconds = Double.NaN;
  // Media time of source time 0 in the current opening.
  private double base;
  private double latest = Double.NaN;

  /** @param maxGapFrames a silence longer than this many frames within one opening is a jump */
  MediaTimeline(int maxGapFrames) {
    if (maxGapFrames < 1) {
      throw new IllegalArgumentException("max gap must be at least one frame, got " + maxGapFrames);
    }
    this.maxGapFrames = maxGapFrames;
  }

  /**
   * A new opening at {@code fps}: its source time 0 falls at {@code atSeconds}, or one frame after
   * the latest frame if that is later (a live source's own clock may have run ahead of the wall's).
   */
  void begin(double atSeconds, double fps) {
    frameSeconds = 1 / fps;
    base = Double.isNaN(latest) ? atSeconds : Math.max(atSeconds, latest + frameSeconds);
  }

  /** The next opening of a file is its repeat: it starts where the previous one ended. */
  void repeat(double durationSeconds) {
    begin(base + durationSeconds, 1 / frameSeconds);
  }

  /** Places a frame of the current opening by its source time. */
  Point place(double sourceSeconds) {
    if (Double.isNaN(frameSeconds)) {
      throw new IllegalStateException("no opening begun");
    }
    double seconds = base + sourceSeconds;
    boolean jumped = false;
    if (!Double.isNaN(latest) && seconds < latest) {
      // The source's clock went back (a camera restarted in place): go on one frame later.
      base += latest + frameSeconds - seconds;
      seconds = latest + frameSeconds;
      jumped = true;
    } else if (!Double.isNaN(latest) && seconds - latest > maxGapFrames * frameSeconds) {
      jumped = true;
    }
    latest = seconds;
    return new Point(seconds, jumped);
  }

  /** Where the stream has got to: the end of its latest frame, 0 before any. */
  double end() {
    return Double.isNaN(latest) ? 0 : latest + frameSeconds;
  }
}
