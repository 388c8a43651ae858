package dev.lofi.trainer.data;

import java.util.Arrays;

/**
 * Where one video's snippets of one fidelity lie: keyed by video id, they share a partition, and
 * the offsets (by snippet index) are those of the video's current ingest run.
 *
 * @param offsets offset of snippet {@code i} at index {@code i}; -1 where none was found
 */
public record VideoLocation(String videoId, String topic, int partition, long[] offsets) {

  /** Whether every snippet has an offset. */
  public boolean complete() {
    return Arrays.stream(offsets).noneMatch(offset -> offset < 0);
  }

  /** Snippets in the video. */
  public int snippets() {
    return offsets.length;
  }

  /** The first offset to read from. */
  public long firstOffset() {
    return Arrays.stream(offsets).filter(o -> o >= 0).min().orElse(-1);
  }
}
