package dev.lofi.ingest.sampling;

/**
 * Shrinks a square RGB frame by area averaging: each output pixel is the mean of the source pixels
 * it covers, with fractional weights at its borders. Used to derive the smaller fidelities from
 * one decoder output instead of converting each frame once per fidelity.
 */
public final class AreaResampler {

  private final int sourceSize;
  private final int targetSize;
  // For each output index: the first source index it covers, and the weight of each covered one.
  private final int[] firstSource;
  private final float[][] weights;

  public AreaResampler(int sourceSize, int targetSize) {
    if (targetSize < 1 || targetSize > sourceSize) {
      throw new IllegalArgumentException("can only shrink: " + sourceSize + " -> " + targetSize);
    }
    this.sourceSize = sourceSize;
    this.targetSize = targetSize;
    this.firstSource = new int[targetSize];
    this.weights = new float[targetSize][];
    double scale = (double) sourceSize / targetSize;
    for (int o = 0; o < targetSize; o++) {
      double from = o * scale;
      double to = (o + 1) * scale;
      int first = (int) Math.floor(from);
      int last = Math.min((int) Math.ceil(to) - 1, sourceSize - 1);
      float[] w = new float[last - first + 1];
      for (int s = first; s <= last; s++) {
        w[s - first] = (float) ((Math.min(to, s + 1) - Math.max(from, s)) / scale);
      }
      firstSource[o] = first;
      weights[o] = w;
    }
  }

  /** The {@code targetSize x targetSize x 3} frame of a {@code sourceSize x sourceSize x 3} one. */
  public byte[] resample(byte[] source) {
    if (source.length != sourceSize * sourceSize * 3) {
      throw new IllegalArgumentException("expected " + sourceSize + "x" + sourceSize + " RGB, got "
          + source.length + " bytes");
    }
    if (sourceSize == targetSize) {
      return source.clone();
    }
    // Separable: rows first into floats [sourceSize rows][targetSize columns][3], then columns.
    float[] rows = new float[sourceSize * targetSize * 3];
    for (int y = 0; y < sourceSize; y++) {
      int in = y * sourceSize * 3;
      int out = y * targetSize * 3;
      for (int ox = 0; ox < targetSize; ox++) {
        float r = 0;
        float g = 0;
        float b = 0;
        float[] w = weights[ox];
        int p = in + firstSource[ox] * 3;
        for (float wi : w) {
          r += wi * (source[p] & 0xFF);
          g += wi * (source[p + 1] & 0xFF);
          b += wi * (source[p + 2] & 0xFF);
          p += 3;
        }
        rows[out + ox * 3] = r;
        rows[out + ox * 3 + 1] = g;
        rows[out + ox * 3 + 2] = b;
      }
    }
    byte[] target = new byte[targetSize * targetSize * 3];
    int rowStride = targetSize * 3;
    for (int oy = 0; oy < targetSize; oy++) {
      float[] w = weights[oy];
      int out = oy * rowStride;
      for (int i = 0; i < rowStride; i++) {
        float v = 0;
        int p = firstSource[oy] * rowStride + i;
        for (float wi : w) {
          v += wi * rows[p];
          p += rowStride;
        }
        target[out + i] = (byte) Math.min(255, Math.round(v));
      }
    }
    return target;
  }
}
