package dev.lofi.ingest.decode;

import java.util.Arrays;

/**
 * What a video is, measured from its packets rather than trusted from its header: containers
 * misreport durations and frame counts.
 *
 * @param source the file or URI
 * @param container FFmpeg's name of the container format
 * @param codec the video codec
 * @param width coded frame width
 * @param height coded frame height
 * @param fps nominal frame rate (the stream's average where the container gives none)
 * @param firstFrameSeconds stream time of the first frame; media time 0 of this video
 * @param lastFrameSeconds media time of the last frame
 * @param durationSeconds media time at which the last frame ends
 * @param declaredSeconds media time at which the container says the video ends (its stream's
 *     duration or Matroska tag, else the whole file's, audio included); NaN where it says nothing
 *     reliable
 * @param streamsEndSeconds media time at which the last packet of any stream, audio too, ends
 * @param frameTimes media time of every video packet the decoder presents, sorted; one frame each
 */
public record VideoProbe(String source, String container, String codec, int width, int height, double fps,
    double firstFrameSeconds, double lastFrameSeconds, double durationSeconds, double declaredSeconds,
    double streamsEndSeconds, double[] frameTimes) {

  // Decoded frames are timed in whole microseconds; no two frames of a video are this close.
  private static final double SAME_FRAME_SECONDS = 1e-3;

  /** Frames the decoder presents, one packet each. */
  public long frameCount() {
    return frameTimes.length;
  }

  /** Seconds one frame lasts at the nominal rate. */
  public double frameSeconds() {
    return 1.0 / fps;
  }

  /**
   * When the frame after the one at {@code mediaSeconds} starts: the next frame's time, or the end
   * of the video after its last frame.
   */
  public double frameAfter(double mediaSeconds) {
    int next = framesUpTo(mediaSeconds + SAME_FRAME_SECONDS);
    return next < frameTimes.length ? frameTimes[next] : durationSeconds;
  }

  /** Frames whose packets are stamped at or before {@code mediaSeconds}. */
  public int framesUpTo(double mediaSeconds) {
    int index = Arrays.binarySearch(frameTimes, mediaSeconds);
    if (index < 0) {
      return -index - 1;
    }
    while (index + 1 < frameTimes.length && frameTimes[index + 1] == mediaSeconds) {
      index++;
    }
    return index + 1;
  }
}
