package dev.lofi.model.network;

import dev.lofi.model.encoder.TsmResNet;
import dev.lofi.model.head.HeadConfig;
import dev.lofi.model.head.TalHeads;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that fixes a {@link LocalizationNetwork}'s structure: a checkpoint's config, from
 * which the same network is built again to load its parameters.
 *
 * @param depth TSM-ResNet depth, 18, 34 or 50
 * @param widthMultiplier scales the encoder's widths (1.0 is the paper's)
 * @param framesPerSnippet T
 * @param stemStride the encoder stem's stride (4 standard, 2 or 1 for small frames)
 * @param headKind a {@link TalHeads} kind
 * @param head the head's configuration; its input width must be the encoder's feature width
 */
public record NetworkConfig(int depth, float widthMultiplier, int framesPerSnippet, int stemStride, String headKind,
    HeadConfig head) {

  public NetworkConfig {
    int features = TsmResNet.featureDim(depth, widthMultiplier);
    if (head.inputDim() != features) {
      throw new IllegalArgumentException("head input width " + head.inputDim() + " is not the encoder's feature width "
          + features + " (depth " + depth + ", width " + widthMultiplier + ")");
    }
    if (!TalHeads.kinds().contains(headKind)) {
      throw new IllegalArgumentException("unknown head kind '" + headKind + "'; known: " + TalHeads.kinds());
    }
  }

  /** The anchor-free head on a TSM-ResNet, with the head's defaults except those given. */
  public static NetworkConfig of(int depth, float widthMultiplier, int framesPerSnippet, int stemStride,
      int numClasses, Map<String, String> headOptions) {
    HeadConfig head = new HeadConfig(numClasses, TsmResNet.featureDim(depth, widthMultiplier), headOptions);
    return new NetworkConfig(depth, widthMultiplier, framesPerSnippet, stemStride, TalHeads.ANCHOR_FREE, head);
  }

  /** Builds the network, with fresh parameters. */
  public LocalizationNetwork build() {
    return new LocalizationNetwork(
        TsmResNet.builder().setDepth(depth).optWidthMultiplier(widthMultiplier)
            .optFramesPerSnippet(framesPerSnippet).optStemStride(stemStride).build(),
        TsmResNet.featureDim(depth, widthMultiplier),
        TalHeads.create(headKind, head));
  }

  /** The config as a JSON-ready map, as checkpoint manifests carry it. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("depth", depth);
    map.put("width_multiplier", widthMultiplier);
    map.put("frames_per_snippet", framesPerSnippet);
    map.put("stem_stride", stemStride);
    map.put("head_kind", headKind);
    map.put("num_classes", head.numClasses());
    map.put("head_options", head.options());
    return map;
  }
}
