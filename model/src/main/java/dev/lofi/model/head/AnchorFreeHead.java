package dev.lofi.model.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import dev.lofi.model.nd.AlignedConvolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anchor-free multi-scale 1D head (ActionFormer's heads on a TemporalMaxer pyramid):
 * <pre>
 * features [B, D, L]
 *   embed: embedLayers x (conv k3 -> channel LayerNorm -> ReLU)        [B, E, L]
 *   pyramid: level 0 = embed; level l = max-pool k3 s2 p1 of level l-1 [B, E, ceil(L / 2^l)]
 *   per level, with towers shared by all levels:
 *     cls tower: (headLayers - 1) x (conv k3 -> LN -> ReLU), conv k3 -> K logits     [B, K, L_l]
 *     reg tower: (headLayers - 1) x (conv k3 -> LN -> ReLU), conv k3 -> 2,
 *                times a learned scale of the level, softplus                       [B, 2, L_l]
 *   levels concatenated along time, finest first: cls [B, P, K], reg [B, P, 2]
 * </pre>
 * Any {@code L >= 1} works without padding: the max-pool with padding 1 maps length {@code n} to
 * {@code ceil(n / 2)} (13 -> 7 -> 4 -> 2), and {@link PointPyramid} places the points to match.
 * The classifier's bias starts at {@code -log((1 - 0.01) / 0.01)}, so every class starts at
 * probability 0.01 (RetinaNet's prior, which keeps the focal loss of the many negatives small).
 * Regression outputs are distances in strides of their level, kept positive by a softplus where
 * ActionFormer uses a ReLU: a ReLU gives a point whose raw output starts negative no regression
 * gradient at all (its boundary then sticks to the point), which on small data sets cost whole
 * detections; softplus is as cheap, linear for large values (no overflow, unlike FCOS' exp, at
 * the paper's SGD learning rate 0.1) and starts near {@code log 2} strides.
 *
 * <p>Build with {@link #builder()}, or by kind {@link TalHeads#ANCHOR_FREE} from a
 * {@link HeadConfig} whose options are {@link #OPTIONS}.
 */
public final class AnchorFreeHead extends AbstractPointHead {

  /** Parameter format: bump when the children or parameters change. */
  static final byte VERSION = 1;

  /** Options this kind reads from a {@link HeadConfig}. */
  public static final Set<String> OPTIONS = HeadConfig.union(Set.of("embedDim", "embedLayers", "levels",
      "headLayers", "centreRadius", "regressionWeight"), DecodeConfig.OPTIONS);

  private static final float PRIOR = 0.01f;

  private final int inputDim;
  private final int embedDim;
  private final int embedLayers;
  private final int headLayers;
  private final List<Block> embed = new ArrayList<>();
  private final List<Block> clsTower = new ArrayList<>();
  private final List<Block> regTower = new ArrayList<>();
  private final Block clsOut;
  private final Block regOut;
  private final List<Parameter> scales = new ArrayList<>();

  private AnchorFreeHead(Builder b) {
    super(VERSION, b.config(), b.levels, b.centreRadius, b.regressionWeight, b.decoding);
    this.inputDim = b.inputDim;
    this.embedDim = b.embedDim;
    this.embedLayers = b.embedLayers;
    this.headLayers = b.headLayers;
    for (int i = 0; i < embedLayers; i++) {
      embed.add(addChildBlock("embed_conv_" + i, conv(embedDim)));
      embed.add(addChildBlock("embed_norm_" + i, new ChannelLayerNorm(embedDim)));
    }
    for (int i = 0; i < headLayers - 1; i++) {
      clsTower.add(addChildBlock("cls_conv_" + i, conv(embedDim)));
      clsTower.add(addChildBlock("cls_norm_" + i, new ChannelLayerNorm(embedDim)));
    }
    for (int i = 0; i < headLayers - 1; i++) {
      regTower.add(addChildBlock("reg_conv_" + i, conv(embedDim)));
      regTower.add(addChildBlock("reg_norm_" + i, new ChannelLayerNorm(embedDim)));
    }
    this.clsOut = addChildBlock("cls_out", conv(b.numClasses));
    clsOut.setInitializer(new ConstantInitializer((float) -Math.log((1 - PRIOR) / PRIOR)), Parameter.Type.BIAS);
    this.regOut = addChildBlock("reg_out", conv(2));
    for (int l = 0; l < b.levels; l++) {
      scales.add(addParameter(Parameter.builder().setName("scale_" + l).setType(Parameter.Type.GAMMA)
          .optShape(new Shape(1)).optInitializer(new ConstantInitializer(1f)).build()));
    }
  }

  /** A builder; {@code setNumClasses} and {@code setInputDim} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The head a config describes; options not in {@link #OPTIONS} are rejected. */
  public static AnchorFreeHead fromConfig(HeadConfig config) {
    config.requireOnly(TalHeads.ANCHOR_FREE, OPTIONS);
    Builder b = builder().setNumClasses(config.numClasses()).setInputDim(config.inputDim());
    return b.optEmbedDim(config.intOption("embedDim", b.embedDim))
        .optEmbedLayers(config.intOption("embedLayers", b.embedLayers))
        .optLevels(config.intOption("levels", b.levels))
        .optHeadLayers(config.intOption("headLayers", b.headLayers))
        .optCentreRadius(config.doubleOption("centreRadius", b.centreRadius))
        .optRegressionWeight(config.doubleOption("regressionWeight", b.regressionWeight))
        .optDecoding(DecodeConfig.of(config))
        .build();
  }

  @Override
  public String kind() {
    return TalHeads.ANCHOR_FREE;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();                                     // [B, D, L]
    NDArray level = x;
    for (int i = 0; i < embed.size(); i += 2) {
      level = layer(store, embed.get(i), embed.get(i + 1), level, training);   // [B, E, L]
    }
    NDList cls = new NDList();
    NDList reg = new NDList();
    for (int l = 0; l < levels(); l++) {
      if (l > 0) {
        level = Pool.maxPool1d(level, new Shape(3), new Shape(2), new Shape(1), false); // [B, E, ceil(L_{l-1} / 2)]
      }
      NDArray c = level;
      for (int i = 0; i < clsTower.size(); i += 2) {
        c = layer(store, clsTower.get(i), clsTower.get(i + 1), c, training);   // [B, E, L_l]
      }
      cls.add(clsOut.forward(store, new NDList(c), training).head());          // [B, K, L_l]
      NDArray r = level;
      for (int i = 0; i < regTower.size(); i += 2) {
        r = layer(store, regTower.get(i), regTower.get(i + 1), r, training);   // [B, E, L_l]
      }
      NDArray scale = store.getValue(scales.get(l), r.getDevice(), training);  // [1]
      NDArray offsets = regOut.forward(store, new NDList(r), training).head(); // [B, 2, L_l]
      reg.add(Activation.softPlus(offsets.mul(scale)));                          // [B, 2, L_l]
    }
    NDArray clsAll = NDArrays.concat(cls, 2).transpose(0, 2, 1);               // [B, P, K]
    NDArray regAll = NDArrays.concat(reg, 2).transpose(0, 2, 1);               // [B, P, 2]
    return new NDList(clsAll, regAll);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];                                   // [B, D, L]
    if (in.dimension() != 3 || in.get(1) != inputDim) {
      throw new IllegalArgumentException("expected features [B, " + inputDim + ", L], got " + in);
    }
    Shape hidden = new Shape(in.get(0), embedDim, in.get(2));    // [B, E, L]
    Shape current = in;
    for (int i = 0; i < embed.size(); i += 2) {
      embed.get(i).initialize(manager, dataType, current);
      embed.get(i + 1).initialize(manager, dataType, hidden);
      current = hidden;
    }
    for (List<Block> tower : List.of(clsTower, regTower)) {
      for (Block block : tower) {
        block.initialize(manager, dataType, hidden);
      }
    }
    clsOut.initialize(manager, dataType, hidden);
    regOut.initialize(manager, dataType, hidden);
  }

  @Override
  protected Map<String, Integer> structure() {
    Map<String, Integer> s = new LinkedHashMap<>();
    s.put("numClasses", numClasses());
    s.put("inputDim", inputDim);
    s.put("embedDim", embedDim);
    s.put("embedLayers", embedLayers);
    s.put("levels", levels());
    s.put("headLayers", headLayers);
    return s;
  }

  private static NDArray layer(ParameterStore store, Block conv, Block norm, NDArray x, boolean training) {
    NDArray y = conv.forward(store, new NDList(x), training).head();
    return Activation.relu(norm.forward(store, new NDList(y), training).head());
  }

  private static AlignedConvolution conv(int filters) {
    return AlignedConvolution.of(Conv1d.builder().setKernelShape(new Shape(3)).optPadding(new Shape(1))
        .setFilters(filters));
  }

  /**
   * Builds an {@link AnchorFreeHead}. Required: {@code setNumClasses}, {@code setInputDim}; the
   * rest have defaults suited to the paper's {@code L} of 25-100. Validated in {@link #build()}.
   */
  public static final class Builder {
    private int numClasses;
    private int inputDim;
    private int embedDim = 256;
    private int embedLayers = 2;
    private int levels = 4;
    private int headLayers = 3;
    private double centreRadius = TargetAssigner.DEFAULT_RADIUS;
    private double regressionWeight = 1.0;
    private DecodeConfig decoding = DecodeConfig.DEFAULT;

    private Builder() {}

    /** Number of action classes {@code K} (no background class: sigmoid scores). */
    public Builder setNumClasses(int numClasses) {
      this.numClasses = numClasses;
      return this;
    }

    /** Feature dim {@code D} of the input {@code [B, D, L]}. */
    public Builder setInputDim(int inputDim) {
      this.inputDim = inputDim;
      return this;
    }

    /** Channels {@code E} of the pyramid and towers; default 256. */
    public Builder optEmbedDim(int embedDim) {
      this.embedDim = embedDim;
      return this;
    }

    /** Conv layers projecting {@code D} to {@code E} before the pyramid, at least 1; default 2. */
    public Builder optEmbedLayers(int embedLayers) {
      this.embedLayers = embedLayers;
      return this;
    }

    /** Pyramid levels, each halving {@code L} (rounding up); default 4. */
    public Builder optLevels(int levels) {
      this.levels = levels;
      return this;
    }

    /** Conv layers per tower including the output conv, at least 1; default 3. */
    public Builder optHeadLayers(int headLayers) {
      this.headLayers = headLayers;
      return this;
    }

    /** Centre-sampling radius in strides, 0 for none; default 1.5. */
    public Builder optCentreRadius(double centreRadius) {
      this.centreRadius = centreRadius;
      return this;
    }

    /** Weight of the DIoU regression loss against the focal loss; default 1. */
    public Builder optRegressionWeight(double regressionWeight) {
      this.regressionWeight = regressionWeight;
      return this;
    }

    /** Decoding and soft-NMS; default {@link DecodeConfig#DEFAULT} (top 100 per video). */
    public Builder optDecoding(DecodeConfig decoding) {
      this.decoding = decoding;
      return this;
    }

    /** Validates every value and builds the head. */
    public AnchorFreeHead build() {
      require(numClasses >= 1, "numClasses must be >= 1, got " + numClasses);
      require(inputDim >= 1, "inputDim must be >= 1, got " + inputDim);
      require(embedDim >= 1, "embedDim must be >= 1, got " + embedDim);
      require(embedLayers >= 1, "embedLayers must be >= 1, got " + embedLayers);
      require(levels >= 1 && levels <= 16, "levels must be in [1, 16], got " + levels);
      require(headLayers >= 1, "headLayers must be >= 1, got " + headLayers);
      require(Double.isFinite(centreRadius) && centreRadius >= 0, "centreRadius must be finite and >= 0, got "
          + centreRadius);
      require(Double.isFinite(regressionWeight) && regressionWeight >= 0,
          "regressionWeight must be finite and >= 0, got " + regressionWeight);
      require(decoding != null, "decoding is required");
      return new AnchorFreeHead(this);
    }

    /** The config that rebuilds this head: every value explicit. */
    HeadConfig config() {
      Map<String, String> o = new LinkedHashMap<>();
      o.put("embedDim", String.valueOf(embedDim));
      o.put("embedLayers", String.valueOf(embedLayers));
      o.put("levels", String.valueOf(levels));
      o.put("headLayers", String.valueOf(headLayers));
      o.put("centreRadius", String.valueOf(centreRadius));
      o.put("regressionWeight", String.valueOf(regressionWeight));
      o.putAll(decoding.options());
      return new HeadConfig(numClasses, inputDim, o);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
