package dev.lofi.ingest.live;

/**
 * Says when each frame was captured, and in real time holds a file back to its frame rate, as a
 * camera would deliver it: a frame is due its media time after the first frame of the run.
 */
final class FramePacer {

  private final boolean realtime;
  private final StopSignal stop;
  private double anchorSeconds = Double.NaN;
  private long anchorMillis;

  FramePacer(boolean realtime, StopSignal stop) {
    this.realtime = realtime;
    this.stop = stop;
  }

  /** Measures from the next frame again: after a reconnect the frames before are no reference. */
  void restart() {
    anchorSeconds = Double.NaN;
  }

  /**
   * The capture time of the frame at {@code mediaSeconds}, epoch ms: now, or in real time when it
   * is due, after waiting for that (less if a stop is asked for).
   */
  long capture(double mediaSeconds) {
    long now = System.currentTimeMillis();
    if (!realtime) {
      return now;
    }
    if (Double.isNaN(anchorSeconds)) {
      anchorSeconds = mediaSeconds;
      anchorMillis = now;
    }
    long due = anchorMillis + Math.round((mediaSeconds - anchorSeconds) * 1000);
    if (due > now) {
      stop.await(due - now);
    }
    return due;
  }
}
