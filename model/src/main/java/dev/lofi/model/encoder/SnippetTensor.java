package dev.lofi.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Turns uint8 RGB snippet payloads into the encoder's normalised float input.
 *
 * <p>A payload is the {@code ClipSnippet} layout of the {@code topics} module: {@code T*H*W*3}
 * bytes, row-major {@code [T, H, W, C]}, RGB. The result is {@code [T, C, H, W]} float32 (or
 * {@code [N, T, C, H, W]} for a batch), each channel scaled to {@code [0, 1]} and normalised with
 * the ImageNet mean and standard deviation: {@code (v / 255 - mean[c]) / std[c]}.
 *
 * <p>The conversion runs in Java through a 256-entry table per channel and crosses to the engine
 * once, as a single array.
 */
public final class SnippetTensor {

  /** ImageNet channel means, RGB: 0.485, 0.456, 0.406. */
  private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
  /** ImageNet channel standard deviations, RGB: 0.229, 0.224, 0.225. */
  private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
  /** RGB. */
  public static final int CHANNELS = 3;

  /** {@code TABLE[c][v]}: the normalised value of byte {@code v} in channel {@code c}. */
  private static final float[][] TABLE = normalisationTable();

  private SnippetTensor() {}

  /**
   * One snippet: {@code [T, H, W, C]} uint8 RGB bytes to {@code [T, C, H, W]} float32, normalised.
   *
   * @param manager owns the result
   * @param payload {@code t*h*w*3} bytes
   */
  public static NDArray fromRgb(NDManager manager, byte[] payload, int t, int h, int w) {
    checkShape(payload, t, h, w, "payload");
    float[] out = new float[payload.length];
    writeNormalised(payload, t, h, w, out, 0);
    return manager.create(out, new Shape(t, CHANNELS, h, w));
  }

  /**
   * A batch of snippets of the same shape: each {@code [T, H, W, C]} uint8 RGB to one {@code [N,
   * T, C, H, W]} float32 array, normalised.
   *
   * @param manager owns the result
   * @param payloads N payloads of {@code t*h*w*3} bytes each, N at least 1
   */
  public static NDArray batchFromRgb(NDManager manager, List<byte[]> payloads, int t, int h,
      int w) {
    if (payloads.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one snippet, got none");
    }
    int size = checkedSize(t, h, w);
    float[] out = new float[Math.multiplyExact(payloads.size(), size)];
    for (int n = 0; n < payloads.size(); n++) {
      byte[] payload = payloads.get(n);
      checkShape(payload, t, h, w, "payloads[" + n + "]");
      writeNormalised(payload, t, h, w, out, n * size);
    }
    return manager.create(out, new Shape(payloads.size(), t, CHANNELS, h, w));
  }

  /** {@code [T, H, W, C]} bytes into {@code [T, C, H, W]} floats starting at {@code offset}. */
  private static void writeNormalised(byte[] payload, int t, int h, int w, float[] out,
      int offset) {
    int plane = h * w;
    int frameSize = plane * CHANNELS;
    for (int f = 0; f < t; f++) {
      int frameStart = f * frameSize;
      for (int pixel = 0; pixel < plane; pixel++) {
        int in = frameStart + pixel * CHANNELS;
        for (int c = 0; c < CHANNELS; c++) {
          out[offset + frameStart + c * plane + pixel] = TABLE[c][payload[in + c] & 0xFF];
        }
      }
    }
  }

  private static void checkShape(byte[] payload, int t, int h, int w, String name) {
    int size = checkedSize(t, h, w);
    if (payload == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (payload.length != size) {
      throw new IllegalArgumentException(name + " must hold T*H*W*C = " + t + "*" + h + "*" + w
          + "*" + CHANNELS + " = " + size + " bytes, got " + payload.length);
    }
  }

  private static int checkedSize(int t, int h, int w) {
    if (t < 1 || h < 1 || w < 1) {
      throw new IllegalArgumentException(
          "t, h and w must be at least 1, got t=" + t + ", h=" + h + ", w=" + w);
    }
    return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(t, h), w), CHANNELS);
  }

  private static float[][] normalisationTable() {
    float[][] table = new float[CHANNELS][256];
    for (int c = 0; c < CHANNELS; c++) {
      for (int v = 0; v < 256; v++) {
        table[c][v] = (v / 255f - IMAGENET_MEAN[c]) / IMAGENET_STD[c];
      }
    }
    return table;
  }
}
