package dev.lofi.trainer.data;

import java.util.Arrays;

/**
 * Where one video's snippets of one fidelity lie: keyed by video id, they share a partition, and
 * the offsets (by snippet index) are those of the video's current ingest run.
 *
 * @param offsets offset of snippet {@code i} at index {@code i}; -1 where none was found
 * @param midpoints media time in seconds at the middle of snippet {@code i}; NaN where none was
 *     found. What cuts a video into its segments' clips without reading a pixel.
 */
public record VideoLocation(String videoId, String topic, int partition, long[] offsets, double[] midpoints) {

  public VideoLocation {
    if (midpoints.length != offsets.length) {
      throw new IllegalArgumentException(videoId + ": " + offsets.length + " offsets but " + midpoints.length
          + " midpoints");
    }
  }

  /** A video of {@code snippets} snippets none of which was found yet. */
  static VideoLocation empty(String videoId, String topic, int partition, int snippets) {
    long[] offsets = new long[snippets];
    double[] midpoints = new double[snippets];
    Arrays.fill(offsets, -1);
    Arrays.fill(midpoints, Double.NaN);
    return new VideoLocation(videoId, topic, partition, offsets, midpoints);
  }

  /** Whether every snippet has an offset. */
  public boolean complete() {
    return Arrays.stream(offsets).noneMatch(offset -> offset < 0);
  }

  /** Snippets in the video. */
  public int snippets() {
    return offsets.length;
  }
}
