package dev.lofi.trainer.data;

import java.util.Arrays;
import java.util.Random;

/**
 * TSN's sparse sampling of a trimmed clip: its snippets cut into {@code count} equal stretches and
 * one snippet drawn from each, so a step sees the whole clip's course at a share of its cost. The
 * draw is seeded by the run's seed, the epoch and the clip, so a resumed run draws the same.
 *
 * @param count snippets a clip gives per step; 0 takes every snippet
 */
public record SparseSnippets(int count) {

  /** Every snippet of a clip, in order. */
  public static final SparseSnippets ALL = new SparseSnippets(0);

  public SparseSnippets {
    if (count < 0) {
      throw new IllegalArgumentException("snippets per clip must be >= 0 (0: all), got " + count);
    }
  }

  /**
   * The snippets clip {@code clipId} gives in {@code epoch}, in order, from its {@code snippets}
   * (indices into its video). A clip shorter than {@link #count()} repeats snippets, as TSN does
   * for short videos, so that every clip gives {@code count} and clips of any length share a batch.
   */
  public int[] draw(int[] snippets, String clipId, long seed, int epoch) {
    if (snippets.length == 0) {
      throw new IllegalArgumentException("clip " + clipId + " has no snippet");
    }
    if (count == 0) {
      return snippets.clone();
    }
    Random random = EpochOrder.random(seed, epoch, clipId);
    int[] drawn = new int[count];
    for (int i = 0; i < count; i++) {
      int from = i * snippets.length / count;
      int to = Math.max(from + 1, (i + 1) * snippets.length / count);
      drawn[i] = snippets[from + random.nextInt(to - from)];
    }
    return drawn;
  }

  /** The indices {@code 0..n-1}: a whole video's snippets. */
  public static int[] every(int n) {
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return all;
  }
}
