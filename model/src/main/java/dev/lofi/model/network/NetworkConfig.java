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
 * which the same network is built again to load its parameters. Built with {@link #builder()}, as
 * DJL's blocks are: the class count is required, everything else has a default.
 */
public final class NetworkConfig {

  /** The paper's encoder, TSM-ResNet-18. */
  public static final int DEFAULT_DEPTH = 18;

  private final int depth;
  private final float widthMultiplier;
  private final int framesPerSnippet;
  private final int stemStride;
  private final FrameInput frameInput;
  private final String headKind;
  private final HeadConfig head;

  private NetworkConfig(Builder builder) {
    this.depth = builder.depth;
    this.widthMultiplier = builder.widthMultiplier;
    this.framesPerSnippet = builder.framesPerSnippet;
    this.stemStride = builder.stemStride;
    this.frameInput = Objects.requireNonNull(builder.frameInput, "frameInput");
    this.headKind = TalHeads.requireKind(builder.headKind);
    this.head = new HeadConfig(builder.numClasses, TsmResNet.featureDim(depth, widthMultiplier), builder.headOptions);
  }

  /** A builder with the defaults: TSM-ResNet-18 at full width, 8 frames, stem stride 4, RGB, the anchor-free head. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config, to change some of it. */
  public Builder toBuilder() {
    return new Builder().optDepth(depth).optWidthMultiplier(widthMultiplier).optFramesPerSnippet(framesPerSnippet)
        .optStemStride(stemStride).optFrameInput(frameInput).optHead(headKind, head.options())
        .setNumClasses(head.numClasses());
  }

  /** TSM-ResNet depth, 18, 34 or 50. */
  public int depth() {
    return depth;
  }

  /** Scales the encoder's widths (1.0 is the paper's). */
  public float widthMultiplier() {
    return widthMultiplier;
  }

  /** T, the frames of one snippet. */
  public int framesPerSnippet() {
    return framesPerSnippet;
  }

  /** The encoder stem's stride (4 standard, 2 or 1 for small frames). */
  public int stemStride() {
    return stemStride;
  }

  /** What the encoder's stem sees of the frames. */
  public FrameInput frameInput() {
    return frameInput;
  }

  /** A {@link TalHeads} kind. */
  public String headKind() {
    return headKind;
  }

  /** The head's configuration; its input width is the encoder's feature width. */
  public HeadConfig head() {
    return head;
  }

  /** The same encoder with a new head of {@code kind}: the kind's defaults except {@code options}. */
  public NetworkConfig withHead(String kind, Map<String, String> options) {
    return toBuilder().optHead(kind, options).build();
  }

  /** The same network with another frame input. */
  public NetworkConfig withFrameInput(FrameInput input) {
    return toBuilder().optFrameInput(input).build();
  }

  /** The same network with a head for {@code numClasses} classes. */
  public NetworkConfig withClasses(int numClasses) {
    return toBuilder().setNumClasses(numClasses).build();
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
    Object input = map.get("frame_input");
    return builder().setNumClasses(intValue(map, "num_classes")).optDepth(depth).optWidthMultiplier(width)
        .optFramesPerSnippet(intValue(map, "frames_per_snippet")).optStemStride(intValue(map, "stem_stride"))
        .optFrameInput(input == null ? FrameInput.RGB : FrameInput.of(String.valueOf(input)))
        .optHead(String.valueOf(kind), headOptions).build();
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

  @Override
  public boolean equals(Object other) {
    return other instanceof NetworkConfig that && depth == that.depth
        && Float.compare(widthMultiplier, that.widthMultiplier) == 0 && framesPerSnippet == that.framesPerSnippet
        && stemStride == that.stemStride && frameInput == that.frameInput && headKind.equals(that.headKind)
        && head.equals(that.head);
  }

  @Override
  public int hashCode() {
    return Objects.hash(depth, widthMultiplier, framesPerSnippet, stemStride, frameInput, headKind, head);
  }

  @Override
  public String toString() {
    return "NetworkConfig" + toMap();
  }

  /** Sets a {@link NetworkConfig}'s fields by name; {@link #build()} validates them together. */
  public static final class Builder {

    private static final int UNSET = -1;

    private int numClasses = UNSET;
    private int depth = DEFAULT_DEPTH;
    private float widthMultiplier = 1f;
    private int framesPerSnippet = TsmResNet.DEFAULT_FRAMES_PER_SNIPPET;
    private int stemStride = TsmResNet.IMAGENET_STEM_STRIDE;
    private FrameInput frameInput = FrameInput.RGB;
    private String headKind = TalHeads.ANCHOR_FREE;
    private Map<String, String> headOptions = Map.of();

    private Builder() {}

    /** Sets the number of action classes the head scores. Required. */
    public Builder setNumClasses(int numClasses) {
      this.numClasses = numClasses;
      return this;
    }

    /** TSM-ResNet depth, 18, 34 or 50; default 18. */
    public Builder optDepth(int depth) {
      this.depth = depth;
      return this;
    }

    /** Scales the encoder's widths; default 1, the paper's. */
    public Builder optWidthMultiplier(float widthMultiplier) {
      this.widthMultiplier = widthMultiplier;
      return this;
    }

    /** T, the frames of one snippet; default 8. */
    public Builder optFramesPerSnippet(int framesPerSnippet) {
      this.framesPerSnippet = framesPerSnippet;
      return this;
    }

    /** The encoder stem's stride; default 4, ImageNet's (2 or 1 suit small frames). */
    public Builder optStemStride(int stemStride) {
      this.stemStride = stemStride;
      return this;
    }

    /** What the stem sees of the frames; default RGB. */
    public Builder optFrameInput(FrameInput frameInput) {
      this.frameInput = frameInput;
      return this;
    }

    /** The head: a {@link TalHeads} kind, with that kind's defaults except {@code options}; default anchor-free. */
    public Builder optHead(String kind, Map<String, String> options) {
      this.headKind = kind;
      this.headOptions = Map.copyOf(options);
      return this;
    }

    /** The config; an unset class count, an unknown head kind or an unbuildable encoder is refused. */
    public NetworkConfig build() {
      if (numClasses == UNSET) {
        throw new IllegalStateException("the number of classes is required: call setNumClasses");
      }
      return new NetworkConfig(this);
    }
  }
}
