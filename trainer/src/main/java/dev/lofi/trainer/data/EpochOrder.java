package dev.lofi.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of an epoch: the items shuffled by a generator seeded with the run's seed and the
 * epoch, so a resumed run sees exactly the order the killed one would have.
 */
public final class EpochOrder {

  private EpochOrder() {}

  /** A shuffled copy of {@code items} (give them in a fixed order, e.g. sorted by video id). */
  public static <T> List<T> shuffle(List<T> items, long seed, int epoch) {
    List<T> order = new ArrayList<>(items);
    Collections.shuffle(order, new Random(seedOf(seed, epoch)));
    return order;
  }

  /**
   * The one seed of a run's epoch that every draw of the epoch derives from (its order, its
   * snippets), distinct for every (seed, epoch) pair of any practical run.
   */
  public static long seedOf(long seed, int epoch) {
    return seed * 1_000_003L + epoch;
  }
}
