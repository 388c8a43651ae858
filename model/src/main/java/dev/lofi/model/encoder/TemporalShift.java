package dev.lofi.model.encoder;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The temporal shift of TSM (Lin et al., ICCV 2019): a parameter-free block that lets a 2D
 * network exchange information between neighbouring frames of a snippet.
 *
 * <p>Input and output are frames folded into the batch axis, {@code [N*T, C, H, W]}, with the
 * {@code T} frames of one snippet consecutive. With {@code fold = C / divisor}:
 *
 * <ul>
 *   <li>channels {@code [0, fold)} move one step <em>later</em> in time: frame {@code t} gets
 *       frame {@code t-1}'s values, frame 0 gets zeros;
 *   <li>channels {@code [fold, 2*fold)} move one step <em>earlier</em>: frame {@code t} gets
 *       frame {@code t+1}'s values, the last frame gets zeros;
 *   <li>the other channels are unchanged.
 * </ul>
 *
 * <p>Snippets never leak into each other: the shift runs inside each snippet and pads its ends
 * with zeros. A snippet of one frame ({@code T = 1}) therefore has both shifted groups zeroed and
 * the rest unchanged, exactly like an end frame of a longer snippet; it is not a no-op. A divisor
 * of 0, or a {@code C} smaller than the divisor, shifts nothing (identity).
 *
 * <p>Built from slicing, zeros and concatenation only, so gradients flow through it (the
 * gradient of the shift is the opposite shift).
 */
public final class TemporalShift extends AbstractBlock {

  private static final byte VERSION = 1;

  private final int framesPerSnippet;
  private final int divisor;

  /**
   * A temporal shift for snippets of {@code framesPerSnippet} frames.
   *
   * @param framesPerSnippet T, at least 1
   * @param divisor 1/divisor of the channels shift each way; 0 shifts nothing, 1 is refused
   */
  public TemporalShift(int framesPerSnippet, int divisor) {
    super(VERSION);
    checkArguments(framesPerSnippet, divisor);
    this.framesPerSnippet = framesPerSnippet;
    this.divisor = divisor;
  }

  /** T, the frames of one snippet. */
  public int framesPerSnippet() {
    return framesPerSnippet;
  }

  /** The shift divisor; 0 when this block shifts nothing. */
  public int divisor() {
    return divisor;
  }

  /**
   * Shifts {@code frames} in time, the function behind the block.
   *
   * @param frames {@code [N*T, C, H, W]} (any trailing axes after C work the same)
   * @param framesPerSnippet T
   * @param divisor 1/divisor of the channels shift each way; 0 shifts nothing
   * @return the shifted frames, same shape
   */
  public static NDArray shift(NDArray frames, int framesPerSnippet, int divisor) {
    checkArguments(framesPerSnippet, divisor);
    Shape shape = frames.getShape();
    if (shape.dimension() < 2 || shape.get(0) % framesPerSnippet != 0) {
      throw new IllegalArgumentException("temporal shift expects [N*T, C, ...] with T = "
          + framesPerSnippet + " frames per snippet, got " + shape);
    }
    long channels = shape.get(1);
    long fold = divisor == 0 ? 0 : channels / divisor;
    if (fold == 0) {
      return frames;
    }
    long snippets = shape.get(0) / framesPerSnippet;
    long t = framesPerSnippet;
    // [N*T, C, ...] -> [N, T, C, ...]
    Shape snippetShape = new Shape(snippets, t).addAll(shape.slice(1));
    NDArray x = frames.reshape(snippetShape);

    NDArray later = x.get(":, :, 0:{}", fold); //          [N, T, fold, ...]
    NDArray earlier = x.get(":, :, {}:{}", fold, 2 * fold); // [N, T, fold, ...]
    NDArray laterShifted;
    NDArray earlierShifted;
    if (t == 1) {
      laterShifted = later.zerosLike();
      earlierShifted = earlier.zerosLike();
    } else {
      // frame t <- frame t-1; frame 0 <- zeros
      laterShifted = NDArrays.concat(new NDList(
          later.get(":, 0:1").zerosLike(), later.get(":, 0:{}", t - 1)), 1);
      // frame t <- frame t+1; frame T-1 <- zeros
      earlierShifted = NDArrays.concat(new NDList(
          earlier.get(":, 1:{}", t), earlier.get(":, 0:1").zerosLike()), 1);
    }
    NDList groups = new NDList(laterShifted, earlierShifted);
    if (2 * fold < channels) {
      groups.add(x.get(":, :, {}:", 2 * fold)); // [N, T, C - 2*fold, ...]
    }
    return NDArrays.concat(groups, 2).reshape(shape); // [N, T, C, ...] -> [N*T, C, ...]
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
      boolean training, PairList<String, Object> params) {
    return new NDList(shift(inputs.singletonOrThrow(), framesPerSnippet, divisor));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    super.saveMetadata(os);
    os.writeInt(framesPerSnippet);
    os.writeInt(divisor);
  }

  @Override
  protected void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    super.loadMetadata(loadVersion, is);
    int savedFrames = is.readInt();
    int savedDivisor = is.readInt();
    if (savedFrames != framesPerSnippet || savedDivisor != divisor) {
      throw new MalformedModelException("saved temporal shift has framesPerSnippet "
          + savedFrames + " and divisor " + savedDivisor + ", this block has "
          + framesPerSnippet + " and " + divisor);
    }
  }

  @Override
  public String toString() {
    return "TemporalShift(T=" + framesPerSnippet + ", divisor=" + divisor + ")";
  }

  static void checkArguments(int framesPerSnippet, int divisor) {
    if (framesPerSnippet < 1) {
      throw new IllegalArgumentException(
          "framesPerSnippet must be at least 1, got " + framesPerSnippet);
    }
    if (divisor < 0 || divisor == 1) {
      throw new IllegalArgumentException("shiftDivisor must be 0 (no shift) or at least 2 "
          + "(1/divisor of the channels shift each way), got " + divisor);
    }
  }
}
