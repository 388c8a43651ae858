package dev.lofi.ingest.synth;

import java.util.SplittableRandom;

/**
 * A video's static background: smooth three-octave value noise between two colours, larger than the
 * frame by a margin on each side so that the camera can move over it. BGR bytes, row-major.
 */
final class Backdrop {

  private final byte[] bgr;
  private final int width;
  private final int height;
  private final int margin;

  private Backdrop(byte[] bgr, int width, int height, int margin) {
    this.bgr = bgr;
    this.width = width;
    this.height = height;
    this.margin = margin;
  }

  static int marginPixels(SynthPreset preset) {
    return (int) Math.ceil(Scenery.MARGIN * preset.height());
  }

  static Backdrop of(Scenery scenery, SynthPreset preset, SplittableRandom random) {
    int margin = marginPixels(preset);
    int width = preset.width() + 2 * margin;
    int height = preset.height() + 2 * margin;
    double coarse = scenery.grain() * preset.height();
    float[] big = valueNoise(width, height, coarse, random);
    float[] middle = valueNoise(width, height, coarse / 2.3, random);
    float[] fine = valueNoise(width, height, coarse / 5.1, random);
    byte[] bgr = new byte[width * height * 3];
    for (int i = 0; i < width * height; i++) {
      double t = 0.55 * big[i] + 0.3 * middle[i] + 0.15 * fine[i];
      bgr[3 * i] = mix(scenery.shadow(), scenery.light(), 0, t);
      bgr[3 * i + 1] = mix(scenery.shadow(), scenery.light(), 8, t);
      bgr[3 * i + 2] = mix(scenery.shadow(), scenery.light(), 16, t);
    }
    return new Backdrop(bgr, width, height, margin);
  }

  /** Copies the frame-sized window the camera sees, moved by {@code (dx, dy)} from the centre. */
  void copyView(int dx, int dy, byte[] frame, int frameWidth, int frameHeight) {
    int rowBytes = frameWidth * 3;
    for (int row = 0; row < frameHeight; row++) {
      int from = ((row + margin + dy) * width + margin + dx) * 3;
      System.arraycopy(bgr, from, frame, row * rowBytes, rowBytes);
    }
  }

  /**
   * Smoothly interpolated random lattice values in [0, 1], lattice spacing {@code cell} pixels. Each
   * lattice is shifted by a random fraction of a cell, so that the octaves' grid lines do not align
   * into visible squares.
   */
  private static float[] valueNoise(int width, int height, double cell, SplittableRandom random) {
    double shiftX = random.nextDouble();
    double shiftY = random.nextDouble();
    int columns = (int) Math.ceil(width / cell) + 3;
    int rows = (int) Math.ceil(height / cell) + 3;
    float[] lattice = new float[columns * rows];
    for (int i = 0; i < lattice.length; i++) {
      lattice[i] = (float) random.nextDouble();
    }
    float[] values = new float[width * height];
    for (int py = 0; py < height; py++) {
      double gy = py / cell + shiftY;
      int y0 = (int) gy;
      double fy = smooth(gy - y0);
      for (int px = 0; px < width; px++) {
        double gx = px / cell + shiftX;
        int x0 = (int) gx;
        double fx = smooth(gx - x0);
        double top = lattice[y0 * columns + x0] * (1 - fx) + lattice[y0 * columns + x0 + 1] * fx;
        double bottom = lattice[(y0 + 1) * columns + x0] * (1 - fx) + lattice[(y0 + 1) * columns + x0 + 1] * fx;
        values[py * width + px] = (float) (top * (1 - fy) + bottom * fy);
      }
    }
    return values;
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static byte mix(int from, int to, int shift, double t) {
    int a = from >> shift & 0xFF;
    int b = to >> shift & 0xFF;
    return (byte) Math.round(a + (b - a) * t);
  }
}
