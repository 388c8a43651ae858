package dev.lofi.model.head;

import dev.lofi.model.head.gtad.GtadHead;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The registry of head kinds: a name to a factory from {@link HeadConfig}. The trainer writes a
 * head's {@link TalHead#kind()} and {@link TalHead#config()} into its checkpoint; the localizer
 * rebuilds the same head here and loads the parameters into it.
 *
 * <p>Adding a head is a new class implementing {@link TalHead} (its forward, loss, decoding and
 * {@link TalHead#footprint footprint}), with its own base if it starts a family as
 * {@link AbstractPointHead} does for point heads, plus one line in {@link #FACTORIES}: G-TAD
 * ({@code gtad}) came in that way.
 */
public final class TalHeads {

  /** The anchor-free multi-scale point head, {@link AnchorFreeHead}. */
  public static final String ANCHOR_FREE = "anchor-free";

  private static final Map<String, Function<HeadConfig, TalHead>> FACTORIES = new TreeMap<>(Map.of(
      ANCHOR_FREE, AnchorFreeHead::fromConfig,
      GtadHead.KIND, GtadHead::fromConfig
  ));

  private TalHeads() {}

  /** The registered kinds, sorted. */
  public static Set<String> kinds() {
    return FACTORIES.keySet();
  }

  /** {@code kind}, if it is registered; else throws naming the known kinds. */
  public static String requireKind(String kind) {
    if (!FACTORIES.containsKey(kind)) {
      throw new IllegalArgumentException("unknown head kind '" + kind + "'; known: " + kinds());
    }
    return kind;
  }

  /** A new, uninitialised head of {@code kind}; throws naming the known kinds if there is none. */
  public static TalHead create(String kind, HeadConfig config) {
    return FACTORIES.get(requireKind(kind)).apply(config);
  }
}
