package dev.lofi.model.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.LayoutType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1D or 2D convolution whose channel counts, as libtorch's oneDNN kernels see them, are whole
 * multiples of {@link #CHANNEL_BLOCK}; the parameters and outputs are those of DJL's
 * {@code Conv1d}/{@code Conv2d} (same names, shapes and saved format, so checkpoints load either way).
 *
 * <p>Why: on x86 CPUs libtorch runs a batched convolution through oneDNN, which reorders
 * activations and gradients into channel blocks of 8 (AVX2) or 16 (AVX-512) and reads whole
 * blocks. The tail lanes of a partial block are never written, and the kernel multiplies them by
 * the zero padding of the weights: {@code 0 * NaN} is NaN. So a head's class or boundary outputs
 * ({@code K} and 2 channels), or a width of 8 or 24, read whatever bytes the allocator recycled
 * (an image's 0xFF pixels read as NaN): training died on NaN in half the runs on one CPU and never
 * on another. Here the missing filters and input channels are zeros that this block writes
 * itself, and the extra outputs are sliced off (their gradients are written zeros too).
 * Inputs of fewer than {@link #PLAIN_INPUT_BELOW} channels (RGB frames) are left alone: oneDNN
 * reads them in the plain layout, and padding a stem's frames would copy its largest input.
 */
public final class AlignedConvolution extends Convolution {

  /** The widest channel block of oneDNN's f32 kernels (AVX-512); a multiple of AVX2's 8. */
  public static final int CHANNEL_BLOCK = 16;
  /** Fewer input channels than this are read unblocked (oneDNN's first-layer kernels). */
  public static final int PLAIN_INPUT_BELOW = 8;

  private final int dimensions;

  private AlignedConvolution(ConvolutionBuilder<?> builder, int dimensions) {
    super(builder);
    this.dimensions = dimensions;
  }

  /** A 1D convolution {@code [B, C, L]} as {@code builder} describes it. */
  public static AlignedConvolution of(Conv1d.Builder builder) {
    return new AlignedConvolution(builder, 1);
  }

  /** A 2D convolution {@code [B, C, H, W]} as {@code builder} describes it. */
  public static AlignedConvolution of(Conv2d.Builder builder) {
    return new AlignedConvolution(builder, 2);
  }

  /** {@code channels} rounded up to a whole number of blocks. */
  public static long aligned(long channels) {
    return (channels + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (groups != 1) {
      throw new IllegalStateException("AlignedConvolution supports groups = 1 only, got " + groups);
    }
    NDArray x = inputs.singletonOrThrow();                             // [B, C, ...]
    NDManager step = x.getManager();
    NDArray w = store.getValue(weight, x.getDevice(), training);       // [O, C, k...]
    NDArray b = store.getValue(bias, x.getDevice(), training);         // [O] or null
    long inChannels = x.getShape().get(1);
    if (inChannels >= PLAIN_INPUT_BELOW && inChannels % CHANNEL_BLOCK != 0) {
      long missing = aligned(inChannels) - inChannels;
      x = withZeros(x, 1, missing, step);                                    // [B, C', ...]
      w = withZeros(w, 1, missing, step);                                    // [O, C', k...]
    }
    long outChannels = w.getShape().get(0);
    long missingFilters = aligned(outChannels) - outChannels;
    if (missingFilters > 0) {
      w = withZeros(w, 0, missingFilters, step);                             // [O', C', k...]
      b = b == null ? null : withZeros(b, 0, missingFilters, step);          // [O']
    }
    NDArray y = dimensions == 1
        ? Conv1d.conv1d(x, w, b, stride, padding, dilation, 1).head()
        : Conv2d.conv2d(x, w, b, stride, padding, dilation, 1).head(); // [B, O', ...]
    return new NDList(missingFilters > 0 ? y.get(":, 0:" + outChannels) : y); // [B, O, ...]
  }

  /**
   * {@code array} with {@code count} zero slices appended along {@code axis}, owned by
   * {@code step}: padding a parameter would otherwise belong to the parameter's manager and live as
   * long as the model (a leak per step).
   */
  private static NDArray withZeros(NDArray array, int axis, long count, NDManager step) {
    long[] dims = array.getShape().getShape().clone();
    dims[axis] = count;
    NDArray zeros = step.zeros(new Shape(dims), array.getDataType());
    NDArray joined = NDArrays.concat(new NDList(array, zeros), axis);
    if (joined.getManager() != step) {
      joined.attach(step);
    }
    return joined;
  }

  @Override
  protected LayoutType[] getExpectedLayout() {
    return dimensions == 1
        ? new LayoutType[] {LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.WIDTH}
        : new LayoutType[] {LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.HEIGHT, LayoutType.WIDTH};
  }

  @Override
  protected String getStringLayout() {
    return dimensions == 1 ? "NCW" : "NCHW";
  }

  @Override
  protected int numDimensions() {
    return dimensions + 2;
  }
}
