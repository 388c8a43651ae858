package dev.lofi.trainer.memory;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import dev.lofi.model.encoder.TemporalShift;
import dev.lofi.model.encoder.TsmResNet;
import dev.lofi.model.head.HeadFootprint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.topics.fidelity.Fidelity;
import java.util.Locale;

/**
 * Counts, from block output shapes alone, the array elements one video's forward pass leaves alive
 * until the step ends (see {@link StepMemoryEstimate} for why every forward output counts), and the
 * floating-point operations of its convolutions.
 *
 * <p>The encoder is walked for a single snippet {@code [1, T, 3, S, S]}: it treats every snippet
 * alike (its batch axis is snippets x frames), so a video costs L times that. DJL's lambda and
 * parallel blocks answer {@code getOutputShapes} by running on zeros of the input shape, which at
 * one snippet is a few megabytes even at 224 px. The head states its own footprint
 * ({@link HeadFootprint}): only its forward knows the arrays it makes.
 */
public final class ActivationWalk {

  /** A max-pool keeps int64 indices of its output's size for backward: two float32s' worth. */
  private static final double MAX_POOL_ARRAYS = 3;

  /**
   * Gradient arrays alive at once while backward runs through a residual unit, in units of its
   * widest array: the unit's output gradient (held for the shortcut), the residual branch's running
   * gradient, a convolution's input gradient and oneDNN's reorder of it.
   */
  static final double RESIDUAL_BACKWARD_ARRAYS = 4;
  /**
   * The same for a plain layer outside the units (the stem): the incoming and the outgoing
   * gradient. The stem's convolution computes no input gradient (the input needs none).
   */
  static final double PLAIN_BACKWARD_ARRAYS = 2;

  /**
   * Elements per video.
   *
   * @param activations forward outputs (encoder, head and loss)
   * @param backward gradients of activations alive at once during backward, at the layer where they peak
   * @param input the input batch's share: {@code L x T x 3 x S x S}
   * @param forwardFlops the forward pass's convolutions, encoder and head, two operations per
   *     multiply-add, as papers count; everything else a step runs is a few percent of it
   */
  public record PerVideo(double activations, double backward, double input, double forwardFlops) {}

  private double activations;
  private double largest;
  private double largestInUnits;
  private int unitDepth;
  private double flops;

  private ActivationWalk() {}

  /** One video at {@code fidelity}; {@code network} must be initialized (the head's children know their widths). */
  public static PerVideo perVideo(LocalizationNetwork network, Fidelity fidelity) {
    int frames = fidelity.framesPerSnippet();
    int side = fidelity.frameSize();
    Shape snippet = new Shape(1, frames, TsmResNet.CHANNELS, side, side);           // [1, T, 3, S, S]
    ActivationWalk encoder = new ActivationWalk();
    encoder.walk(network.encoder(), new Shape[] {snippet});
    HeadFootprint head = network.head().footprint(fidelity.snippets());
    long snippets = fidelity.snippets();
    return new PerVideo(snippets * encoder.activations + head.activations(),
        Math.max(snippets * encoder.backward(), head.backward()), snippets * (double) snippet.size(),
        snippets * encoder.flops + head.flops());
  }

  private Shape[] walk(Block block, Shape[] in) {
    if (block instanceof SequentialBlock) {
      Shape[] shapes = in;
      for (Block child : block.getChildren().values()) {
        shapes = walk(child, shapes);
      }
      return shapes;
    }
    if (block instanceof ParallelBlock) {
      unitDepth++;
      for (Block branch : block.getChildren().values()) {
        walk(branch, in);
      }
      Shape[] joined = block.getOutputShapes(in);                                  // the join's own output
      count(joined, 1);
      unitDepth--;
      return joined;
    }
    Shape[] out = block.getOutputShapes(in);
    count(out, arraysPerOutput(block, in, out));
    if (block instanceof Convolution convolution) {
      flops += convolutionFlops(convolution, in[0], out[0]);
    }
    return out;
  }

  /** Arrays a leaf (or an unknown composite) allocates, in units of its output. */
  private static double arraysPerOutput(Block block, Shape[] in, Shape[] out) {
    if (block instanceof TemporalShift shift) {
      if (shift.divisor() == 0 || in[0].get(1) < shift.divisor()) {
        return 0;                                                                  // returns its input
      }
      // Two shifted groups of C/divisor channels, each padded with a frame of zeros, then the concat.
      double group = 1.0 / shift.divisor();
      return 1 + 2 * group + 2 * group / shift.framesPerSnippet();
    }
    if (block instanceof LambdaBlock lambda) {
      String name = lambda.getName().toLowerCase(Locale.ROOT);
      if (name.equals("identity") || sameSizeNewShape(in, out)) {
        return 0;                                                                  // its input, or a view of it
      }
      return name.contains("maxpool") ? MAX_POOL_ARRAYS : 1;
    }
    return 1;                                                                      // conv, batch norm, ...
  }

  /** Each output element is a dot product over the kernel and the input channels of its group. */
  private static double convolutionFlops(Convolution convolution, Shape in, Shape out) {
    return 2.0 * out.size() * (in.get(1) / convolution.getGroups()) * convolution.getKernelShape().size();
  }

  private void count(Shape[] shapes, double arrays) {
    for (Shape shape : shapes) {
      activations += arrays * shape.size();
      if (arrays > 0) {
        largest = Math.max(largest, shape.size());
        if (unitDepth > 0) {
          largestInUnits = Math.max(largestInUnits, shape.size());
        }
      }
    }
  }

  /** Backward's peak: through the widest residual unit, or through the widest plain layer. */
  private double backward() {
    return Math.max(RESIDUAL_BACKWARD_ARRAYS * largestInUnits, PLAIN_BACKWARD_ARRAYS * largest);
  }

  private static boolean sameSizeNewShape(Shape[] in, Shape[] out) {
    return in.length == 1 && out.length == 1 && in[0].size() == out[0].size() && !in[0].equals(out[0]);
  }
}
