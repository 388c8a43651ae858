package dev.lofi.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.lofi.model.nd.AlignedConvolution;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * TSM-ResNet, the video encoder of LoFi: a 2D ResNet (depth 18, 34 or 50) applied to every frame
 * of a snippet, with a {@link TemporalShift} on the residual branch of every residual unit
 * ("residual shift"), so frames exchange information without 3D convolutions.
 *
 * <p>A snippet of T frames in, one D-dimensional feature out:
 *
 * <pre>
 *   [N, T, 3, H, W]             float32 snippets, normalised by the caller ({@link SnippetTensor})
 *   [N*T, 3, H, W]              fold time into the batch
 *   [N*T, w1, H/s, W/s]         stem (s = stem stride: 4, 2 or 1)
 *   [N*T, D, H/(8s), W/(8s)]    four stages of residual units; stages 2-4 halve the side
 *   [N, D]                      average over space, then over the T frames
 * </pre>
 *
 * <p>Widths: the base widths 64-128-256-512 times the width multiplier, rounded to a multiple of 8
 * and at least 8. D is the last width for depth 18/34 (basic units) and 4 times it for depth 50
 * (bottleneck units): {@link #featureDim(int, float)}.
 *
 * <p>Stem: stride 4 is the ImageNet stem (7x7 convolution with stride 2, then 3x3 max-pool with
 * stride 2), right for the paper's 224 px (and 112 px at S-LoFi). Stride 2 (one 3x3 convolution with
 * stride 2, no pool) and stride 1 (3x3, no pool) keep small frames from shrinking to nothing: at
 * 64 px the ImageNet stem leaves a 2x2 map for the last stage and at 32 px 1x1.
 * {@link #stemStrideFor(int)} picks the stride from the <em>full-fidelity</em> frame side, since
 * one network serves all fidelities: the cpu preset's 64 px gives stride 2, and its S-LoFi 32 px
 * frames then end at 2x2.
 *
 * <pre>
 * Block encoder = TsmResNet.builder().setDepth(18).optWidthMultiplier(0.25f)
 *     .optFramesPerSnippet(8).optStemStride(TsmResNet.stemStrideFor(64)).build();
 * </pre>
 */
public final class TsmResNet {

  /** Frames per snippet in the paper (8 frames sampled with stride 8). */
  public static final int DEFAULT_FRAMES_PER_SNIPPET = 8;
  /** TSM's default: 1/8 of the channels shift backward in time, 1/8 forward. */
  public static final int DEFAULT_SHIFT_DIVISOR = 8;
  /** The ImageNet stem: 7x7 convolution with stride 2, then a 3x3 max-pool with stride 2. */
  public static final int IMAGENET_STEM_STRIDE = 4;
  /** The smallest full-fidelity frame side that gets the ImageNet stem from {@link #stemStrideFor}. */
  public static final int IMAGENET_STEM_MIN_SIDE = 112;
  /** Input channels: RGB. */
  public static final int CHANNELS = 3;

  private static final int[] BASE_WIDTHS = {64, 128, 256, 512};
  private static final int BOTTLENECK_EXPANSION = 4;
  private static final int MIN_WIDTH = 8;
  private static final int WIDTH_ROUNDING = 8;
  /** Residual units per stage for each supported depth. */
  private static final Map<Integer, int[]> UNITS_PER_STAGE = Map.of(
      18, new int[] {2, 2, 2, 2},
      34, new int[] {3, 4, 6, 3},
      50, new int[] {3, 4, 6, 3});

  private TsmResNet() {}

  /** A builder for a TSM-ResNet encoder block. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * D, the width of the encoder's output feature: what heads take as their input width.
   *
   * @param depth 18, 34 or 50
   * @param widthMultiplier the width multiplier, &gt; 0
   */
  public static int featureDim(int depth, float widthMultiplier) {
    checkDepth(depth);
    checkWidthMultiplier(widthMultiplier);
    int last = scaledWidth(BASE_WIDTHS[BASE_WIDTHS.length - 1], widthMultiplier);
    return isBottleneck(depth) ? BOTTLENECK_EXPANSION * last : last;
  }

  /**
   * The stage widths (of the 3x3 convolutions) for a width multiplier: 64-128-256-512 scaled,
   * rounded to a multiple of 8, at least 8.
   */
  public static int[] stageWidths(float widthMultiplier) {
    checkWidthMultiplier(widthMultiplier);
    return Arrays.stream(BASE_WIDTHS).map(base -> scaledWidth(base, widthMultiplier)).toArray();
  }

  /**
   * The stem stride for a network whose full-fidelity frames are {@code fullFidelitySide} pixels:
   * the ImageNet stem (4) from 112 px up, a single stride-2 convolution (2) below.
   */
  public static int stemStrideFor(int fullFidelitySide) {
    if (fullFidelitySide < 1) {
      throw new IllegalArgumentException(
          "fullFidelitySide must be at least 1, got " + fullFidelitySide);
    }
    return fullFidelitySide >= IMAGENET_STEM_MIN_SIDE ? IMAGENET_STEM_STRIDE : 2;
  }

  /**
   * A residual unit on frames {@code [N*T, in, H, W] -> [N*T, out, H/stride, W/stride]}: the
   * temporal shift, then two 3x3 convolutions (basic) or 1x1-3x3-1x1 (bottleneck, {@code out = 4 *
   * width}) on the residual branch; identity or a strided 1x1 projection on the shortcut; the sum
   * through a ReLU.
   *
   * @param inChannels channels coming in
   * @param width width of the 3x3 convolution
   * @param stride 1, or 2 to halve the side (on the 3x3 convolution)
   * @param bottleneck bottleneck unit (depth 50) instead of basic (18/34)
   * @param framesPerSnippet T
   * @param shiftDivisor 1/divisor of the channels shift each way; 0 for none
   */
  public static Block residualUnit(int inChannels, int width, int stride, boolean bottleneck,
      int framesPerSnippet, int shiftDivisor) {
    int outChannels = bottleneck ? BOTTLENECK_EXPANSION * width : width;
    SequentialBlock residual = new SequentialBlock()
        .add(new TemporalShift(framesPerSnippet, shiftDivisor)); // [N*T, in, H, W], shifted
    if (bottleneck) {
      residual
          .add(conv(1, width, 1)).add(batchNorm()).add(Activation.reluBlock())
          .add(conv(3, width, stride)).add(batchNorm()).add(Activation.reluBlock())
          .add(conv(1, outChannels, 1)).add(batchNorm());
    } else {
      residual
          .add(conv(3, width, stride)).add(batchNorm()).add(Activation.reluBlock())
          .add(conv(3, width, 1)).add(batchNorm());
    }
    // [N*T, out, H/stride, W/stride]
    Block shortcut = stride == 1 && inChannels == outChannels
        ? Blocks.identityBlock()
        : new SequentialBlock().add(conv(1, outChannels, stride)).add(batchNorm());
    return new SequentialBlock()
        .add(new ParallelBlock(
            branches -> new NDList(branches.get(0).singletonOrThrow()
                .add(branches.get(1).singletonOrThrow())),
            Arrays.asList(residual, shortcut)))
        .add(Activation.reluBlock());
  }

  /**
   * {@code [N, T, 3, H, W] -> [N*T, C, H, W]}, the frames as {@code input} presents them (C its
   * channels), refusing any other layout.
   */
  private static Block foldTime(int framesPerSnippet, FrameInput input) {
    return new LambdaBlock(inputs -> {
      NDArray snippets = inputs.singletonOrThrow();
      Shape shape = snippets.getShape();
      if (shape.dimension() != 5 || shape.get(1) != framesPerSnippet
          || shape.get(2) != CHANNELS) {
        throw new IllegalArgumentException("TsmResNet expects snippets [N, T=" + framesPerSnippet
            + ", C=" + CHANNELS + ", H, W], got " + shape);
      }
      return new NDList(input.apply(snippets).reshape(-1, input.channels(), shape.get(3), shape.get(4)));
    }, "foldTime");
  }

  /** {@code [N*T, 3, H, W] -> [N*T, width, H/stride, W/stride]}. */
  private static Block stem(int stride, int width) {
    SequentialBlock stem = new SequentialBlock();
    if (stride == IMAGENET_STEM_STRIDE) {
      stem.add(conv(7, width, 2)).add(batchNorm()).add(Activation.reluBlock())
          .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
    } else {
      stem.add(conv(3, width, stride)).add(batchNorm()).add(Activation.reluBlock());
    }
    return stem;
  }

  /** {@code [N*T, D, h, w] -> [N, D]}: average over space, then over the T frames of a snippet. */
  private static Block spaceTimePool(int framesPerSnippet) {
    return new LambdaBlock(inputs -> {
      // PyTorch's mean takes one axis at a time: flatten space first.
      NDArray maps = inputs.singletonOrThrow(); //                          [N*T, D, h, w]
      long dim = maps.getShape().get(1);
      NDArray frames = maps.reshape(maps.getShape().get(0), dim, -1).mean(new int[] {2}); // [N*T, D]
      return new NDList(frames.reshape(-1, framesPerSnippet, dim).mean(new int[] {1})); // [N, D]
    }, "spaceTimePool");
  }

  /** A bias-free square convolution padded to keep the side (divided by the stride). */
  private static Block conv(int kernel, int filters, int stride) {
    return AlignedConvolution.of(Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(kernel / 2, kernel / 2))
        .setFilters(filters)
        .optBias(false));
  }

  private static Block batchNorm() {
    return BatchNorm.builder().build();
  }

  private static int scaledWidth(int base, float widthMultiplier) {
    int rounded = Math.round(base * widthMultiplier / WIDTH_ROUNDING) * WIDTH_ROUNDING;
    return Math.max(MIN_WIDTH, rounded);
  }

  private static boolean isBottleneck(int depth) {
    return depth >= 50;
  }

  private static void checkDepth(int depth) {
    if (!UNITS_PER_STAGE.containsKey(depth)) {
      throw new IllegalArgumentException("depth must be 18, 34 or 50, got " + depth);
    }
  }

  private static void checkWidthMultiplier(float widthMultiplier) {
    if (!(widthMultiplier > 0) || Float.isInfinite(widthMultiplier)) {
      throw new IllegalArgumentException(
          "widthMultiplier must be a finite number > 0, got " + widthMultiplier);
    }
  }

  /**
   * Builds a TSM-ResNet {@link Block}: {@code setDepth} is required, the rest is optional. All
   * values are checked in {@link #build()}.
   */
  public static final class Builder {

    private static final int UNSET = -1;

    private int depth = UNSET;
    private float widthMultiplier = 1f;
    private int shiftDivisor = DEFAULT_SHIFT_DIVISOR;
    private int framesPerSnippet = DEFAULT_FRAMES_PER_SNIPPET;
    private int stemStride = IMAGENET_STEM_STRIDE;
    private FrameInput frameInput = FrameInput.RGB;

    private Builder() {}

    /** Sets the depth: 18 or 34 (basic units) or 50 (bottleneck units). Required. */
    public Builder setDepth(int depth) {
      this.depth = depth;
      return this;
    }

    /** Scales the base widths 64-128-256-512 (rounded to multiples of 8, at least 8); default 1. */
    public Builder optWidthMultiplier(float widthMultiplier) {
      this.widthMultiplier = widthMultiplier;
      return this;
    }

    /**
     * 1/divisor of the channels shift one frame later, 1/divisor one frame earlier, in every
     * residual unit; default 8. 0 disables the shift (a frame-wise ResNet, TSN-like); 1 is
     * refused.
     */
    public Builder optShiftDivisor(int shiftDivisor) {
      this.shiftDivisor = shiftDivisor;
      return this;
    }

    /** T, the frames of one snippet, which the shift and the pooling fold and unfold; default 8. */
    public Builder optFramesPerSnippet(int framesPerSnippet) {
      this.framesPerSnippet = framesPerSnippet;
      return this;
    }

    /**
     * The stem's total stride: 4 (ImageNet stem, default), 2 or 1 (a 3x3 convolution, no pool)
     * for small frames; see {@link TsmResNet#stemStrideFor(int)}.
     */
    public Builder optStemStride(int stemStride) {
      this.stemStride = stemStride;
      return this;
    }

    /** What the stem sees of the frames; default {@link FrameInput#RGB}. */
    public Builder optFrameInput(FrameInput frameInput) {
      this.frameInput = frameInput;
      return this;
    }

    /**
     * Builds the encoder: {@code [N, T, 3, H, W] -> [N, D]}.
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public Block build() {
      if (depth == UNSET) {
        throw new IllegalArgumentException("depth must be set: 18, 34 or 50");
      }
      checkDepth(depth);
      checkWidthMultiplier(widthMultiplier);
      TemporalShift.checkArguments(framesPerSnippet, shiftDivisor);
      if (stemStride != 1 && stemStride != 2 && stemStride != IMAGENET_STEM_STRIDE) {
        throw new IllegalArgumentException("stemStride must be 1, 2 or 4, got " + stemStride);
      }
      int[] widths = stageWidths(widthMultiplier);
      // The narrowest shifted input is the stem's output, widths[0]: below that nothing moves.
      if (shiftDivisor > widths[0]) {
        throw new IllegalArgumentException("shiftDivisor " + shiftDivisor
            + " is larger than the narrowest shifted width " + widths[0] + " (widthMultiplier "
            + widthMultiplier + "): no channel would shift there");
      }
      boolean bottleneck = isBottleneck(depth);
      int[] units = UNITS_PER_STAGE.get(depth);

      SequentialBlock encoder = new SequentialBlock()
          .add(foldTime(framesPerSnippet, Objects.requireNonNull(frameInput, "frameInput"))) // [N*T, C, H, W]
          .add(stem(stemStride, widths[0])); //  [N*T, w1, H/s, W/s]
      int channels = widths[0];
      for (int stage = 0; stage < units.length; stage++) {
        for (int unit = 0; unit < units[stage]; unit++) {
          int stride = stage > 0 && unit == 0 ? 2 : 1;
          encoder.add(residualUnit(
              channels, widths[stage], stride, bottleneck, framesPerSnippet, shiftDivisor));
          channels = bottleneck ? BOTTLENECK_EXPANSION * widths[stage] : widths[stage];
        }
      } //                                       [N*T, D, H/(8s), W/(8s)]
      return encoder.add(spaceTimePool(framesPerSnippet)); // [N, D]
    }
  }
}
