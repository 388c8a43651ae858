package dev.lofi.trainer.data;

import dev.lofi.topics.record.ClipSnippet;
import java.util.ArrayList;
import java.util.List;
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
   * The snippets {@code clip} gives in {@code epoch}, in order: all of them when it has no more
   * than {@link #count()} (so clips of one fidelity keep one length), else one from each stretch.
   */
  public List<ClipSnippet> draw(VideoClips clip, long seed, int epoch) {
    List<ClipSnippet> snippets = clip.snippets();
    if (count == 0 || snippets.size() <= count) {
      return snippets;
    }
    Random random = new Random(EpochOrder.seedOf(seed, epoch) * 31 + clip.videoId().hashCode());
    List<ClipSnippet> drawn = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int from = i * snippets.size() / count;
      int to = (i + 1) * snippets.size() / count;
      drawn.add(snippets.get(from + random.nextInt(to - from)));
    }
    return drawn;
  }
}
