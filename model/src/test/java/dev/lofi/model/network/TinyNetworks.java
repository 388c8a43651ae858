package dev.lofi.model.network;

import dev.lofi.model.head.TalHeads;
import java.util.Map;

/**
 * The network tests train, in this module and those that take its test jar: TSM-ResNet-18 at an
 * eighth of the width, 2 frames a snippet, stem stride 2 and a two-level, one-layer anchor-free
 * head, small enough that a few steps on two cores take seconds.
 */
public final class TinyNetworks {

  /** The tiny head's options. */
  public static final Map<String, String> HEAD = Map.of("embedDim", "16", "levels", "2", "headLayers", "1");

  private TinyNetworks() {}

  /** The tiny network for {@code numClasses} classes, to change before building. */
  public static NetworkConfig.Builder builder(int numClasses) {
    return NetworkConfig.builder().setNumClasses(numClasses).optWidthMultiplier(0.125f).optFramesPerSnippet(2)
        .optStemStride(2).optHead(TalHeads.ANCHOR_FREE, HEAD);
  }

  /** The tiny network for {@code numClasses} classes. */
  public static NetworkConfig anchorFree(int numClasses) {
    return builder(numClasses).build();
  }
}
