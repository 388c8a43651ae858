package dev.lofi.model.network;

import dev.lofi.model.encoder.FrameInput;
import dev.lofi.model.encoder.TsmResNet;
import dev.lofi.model.head.HeadConfig;
import dev.lofi.model.head.TalHeads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that fixes a {@link LocalizationNetwork}'s structure: a checkpoint's config, from
 * which the same network is built again to load its parameters.
 *
 * @param depth TSM-ResNet depth, 18, 34 or 50
 * @param widthMultiplier scales the encoder's widths (1.0 is the paper's)
 * @param framesPerSnippet T
 * @param stemStride the encoder stem's stride (4 standard, 2 or 1 for small frames)
 * @param frameInput what the encoder's stem sees of the frames
 * @param headKind a {@link TalHeads} kind
 * @param head the head's configuration; its input width must be the encoder's feature width
 */
public record NetworkConfig(int depth, float widthMultiplier, int framesPerSnippet, int stemStride,
    FrameInput frameInput, String headKind, HeadConfig head) {

  public NetworkConfig {
    Objects.requireNonNull(frameInput, "frameInput");
    int features = TsmResNet.featureDim(depth, widthMultiplier);
    if (head.inputDim() != features) {
      throw new IllegalArgumentException("head input width " + head.inputDim() + " is not the encoder's feature width "
          + features + " (depth " + depth + ", width " + widthMultiplier + ")");
    }
    TalHeads.requireKind(headKind);
  }

  /** The anchor-free head on a TSM-ResNet, with the head's defaults except those given. */
  public static NetworkConfig of(int depth, float widthMultiplier, int framesPerSnippet, int stemStride,
      int numClasses, Map<String, String> headOptions) {
    HeadConfig head = new HeadConfig(numClasses, TsmResNet.featureDim(depth, widthMultiplier), headOptions);
    return new NetworkConfig(depth, widthMultiplier, framesPerSnippet, stemStride, FrameInput.RGB, TalHeads.ANCHOR_FREE,
        head);
  }

  /** The same encoder with a new head of {@code kind}: the kind's defaults except {@code options}. */
  public NetworkConfig withHead(String kind, Map<String, String> options) {
    return new NetworkConfig(depth, widthMultiplier, framesPerSnippet, stemStride, frameInput, kind,
        new HeadConfig(head.numClasses(), head.inputDim(), options));
  }

  /** The same network with another frame input. */
  public NetworkConfig withFrameInput(FrameInput input) {
    return new NetworkConfig(depth, widthMultiplier, framesPerSnippet, stemStride, input, headKind, head);
  }

  /** The same network with a head for {@code numClasses} classes. */
  public NetworkConfig withClasses(int numClasses) {
    return new NetworkConfig(depth, widthMultiplier, framesPerSnippet, stemStride, frameInput, headKind,
        new HeadConfig(numClasses, head.inputDim(), head.options()));
  }

  /** Builds the network, with fresh parameters. */
  public LocalizationNetwork build() {
    return new LocalizationNetwork(
        TsmResNet.builder().setDepth(depth).optWidthMultiplier(widthMultiplier)
            .optFramesPerSnippet(framesPerSnippet).optStemStride(stemStride).optFrameInput(frameInput).build(),
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
    map.put("frame_input", frameInput.id());
    map.put("head_kind", headKind);
    map.put("num_classes", head.numClasses());
    map.put("head_options", head.options());
    return map;
  }

  /**
   * The config of {@link #toMap()}'s map, as a checkpoint manifest's JSON brings it back: numbers
   * may be any {@link Number} (a JSON reader gives Integer, Long or Double), head options any
   * scalar. Other keys of the map (a manifest's labels, fidelities) are ignored; a config without
   * {@code frame_input} (written before it existed) is RGB.
   *
   * @throws IllegalArgumentException naming the key that is missing or of the wrong type
   */
  public static NetworkConfig fromMap(Map<String, ?> map) {
    int depth = intValue(map, "depth");
    float width = number(map, "width_multiplier").floatValue();
    Object kind = required(map, "head_kind");
    Object options = map.get("head_options");
    if (options != null && !(options instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("network config key 'head_options' must be an object, got " + options);
    }
    Map<String, String> headOptions = new LinkedHashMap<>();
    if (options != null) {
      ((Map<?, ?>) options).forEach((name, value) -> headOptions.put(String.valueOf(name), String.valueOf(value)));
    }
    HeadConfig head = new HeadConfig(intValue(map, "num_classes"), TsmResNet.featureDim(depth, width), headOptions);
    Object input = map.get("frame_input");
    return new NetworkConfig(depth, width, intValue(map, "frames_per_snippet"), intValue(map, "stem_stride"),
        input == null ? FrameInput.RGB : FrameInput.of(String.valueOf(input)), String.valueOf(kind), head);
  }

  private static Object required(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException("network config lacks '" + key + "'; has " + map.keySet());
    }
    return value;
  }

  private static Number number(Map<String, ?> map, String key) {
    if (required(map, key) instanceof Number number) {
      return number;
    }
    throw new IllegalArgumentException("network config key '" + key + "' must be a number, got " + map.get(key));
  }

  private static int intValue(Map<String, ?> map, String key) {
    double value = number(map, key).doubleValue();
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("network config key '" + key + "' must be an integer, got " + map.get(key));
    }
    return (int) value;
  }
}
