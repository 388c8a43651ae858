package dev.lofi.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The order of an epoch: the items shuffled by a generator seeded with the run's seed and the
 * epoch, so a resumed run sees exactly the order the killed one would have.
 */
public final class EpochOrder {

  private EpochOrder() {}

  /** A shuffled copy of {@code items} (give them in a fixed order, e.g. sorted by video id). */
  public static <T> List<T> shuffle(List<T> items, long seed, int epoch) {
    List<T> order = new ArrayList<>(items);
    Collections.shuffle(order, random(seed, epoch, "order"));
    return order;
  }

  /**
   * The generator of one item's draws in an epoch (a clip's snippets, its augmentation). Its seed
   * is mixed first: {@link Random}'s first draws from seeds that differ a little are alike, so
   * seeding it with neighbouring epochs straight gave a clip the same snippets epoch after epoch.
   *
   * @param item names what is drawn for, e.g. a clip id and the purpose
   */
  public static Random random(long seed, int epoch, String item) {
    return new Random(new SplittableRandom(seedOf(seed, epoch) * 31 + item.hashCode()).nextLong());
  }

  /**
   * The one seed of a run's epoch that every draw of the epoch derives from (its order, its
   * snippets), distinct for every (seed, epoch) pair of any practical run.
   */
  public static long seedOf(long seed, int epoch) {
    return seed * 1_000_003L + epoch;
  }
}
