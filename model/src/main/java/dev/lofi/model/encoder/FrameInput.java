package dev.lofi.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import java.util.List;

/**
 * What the encoder's stem sees of a snippet's frames. Actions that differ by motion alone look
 * alike in every single frame; TSN's RGB difference hands the stem the change between frames, the
 * cheap stand-in for optical flow, beside the frames themselves so appearance is kept.
 */
public enum FrameInput {

  /** The normalised frames, 3 channels. */
  RGB("rgb", 3),

  /**
   * Each frame and its difference from the frame before, 6 channels; the first frame takes the
   * second's difference, so every frame has one and T stays T.
   */
  RGB_DIFF("rgb+diff", 6),

  /**
   * The differences alone, 3 channels: TSN's RGB-difference modality. A still background, the
   * part of a frame a network memorizes a few dozen videos by, differences to nothing; what moves
   * remains.
   */
  DIFF("diff", 3);

  private final String id;
  private final int channels;

  FrameInput(String id, int channels) {
    this.id = id;
    this.channels = channels;
  }

  /** The name configs and the command line use. */
  public String id() {
    return id;
  }

  /** Channels the stem receives. */
  public int channels() {
    return channels;
  }

  /**
   * The input named {@code id}.
   *
   * @throws IllegalArgumentException naming the known ones
   */
  public static FrameInput of(String id) {
    return Arrays.stream(values()).filter(input -> input.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown frame input '" + id + "'; known: " + ids()));
  }

  /** Every input's name, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(FrameInput::id).toList();
  }

  /** {@code [N, T, 3, H, W] -> [N, T, channels, H, W]}. */
  NDArray apply(NDArray snippets) {
    if (this == RGB) {
      return snippets;
    }
    long frames = snippets.getShape().get(1);
    NDArray later = snippets.get(new NDIndex(":, 1:"));                     // [N, T-1, 3, H, W]
    NDArray earlier = snippets.get(new NDIndex(":, :-1"));                  // [N, T-1, 3, H, W]
    NDArray differences = later.sub(earlier);                              // [N, T-1, 3, H, W]
    NDArray first = differences.get(new NDIndex(":, :1"));                 // [N, 1, 3, H, W]
    NDArray perFrame = frames > 1 ? NDArrays.concat(new NDList(first, differences), 1) : differences;
    return this == DIFF ? perFrame                                          // [N, T, 3, H, W]
        : NDArrays.concat(new NDList(snippets, perFrame), 2);            // [N, T, 6, H, W]
  }
}
