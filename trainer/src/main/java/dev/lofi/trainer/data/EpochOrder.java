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
    Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
    return order;
  }
}
