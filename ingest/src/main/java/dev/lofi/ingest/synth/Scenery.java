package dev.lofi.ingest.synth;

import java.util.SplittableRandom;

/**
 * Everything around the objects: a textured backdrop seen by a drifting, shaking camera, with
 * brightness flicker and sensor noise. Lengths in scene units.
 *
 * @param shadow backdrop colour where the texture is dark, 0xRRGGBB
 * @param light backdrop colour where the texture is bright, 0xRRGGBB
 * @param grain size of the texture's coarse cells
 * @param panX camera drift amplitude across
 * @param panY camera drift amplitude up and down
 * @param panSeconds camera drift period
 * @param panPhase camera drift phase, radians
 * @param shake standard deviation of the camera's frame-to-frame jitter
 * @param flicker relative amplitude of brightness flicker
 * @param flickerHz flicker frequency
 * @param noise standard deviation of per-pixel noise, 8-bit levels
 * @param seed the stream of the texture, the camera's jitter and the pixel noise
 */
record Scenery(int shadow, int light, double grain, double panX, double panY, double panSeconds, double panPhase,
    double shake, double flicker, double flickerHz, double noise, long seed) {

  /** Room the backdrop extends beyond the frame on every side, for the camera to move in. */
  static final double MARGIN = 0.08;

  static Scenery draw(SplittableRandom random) {
    double hue = random.nextDouble();
    int[] shadow = Palette.hsv(hue, random.nextDouble(0.1, 0.45), random.nextDouble(0.15, 0.4));
    int[] light = Palette.hsv(hue + random.nextDouble(-0.2, 0.2), random.nextDouble(0.1, 0.45),
        random.nextDouble(0.5, 0.85));
    return new Scenery(packed(shadow), packed(light), random.nextDouble(0.1, 0.3),
        random.nextDouble(0.01, 0.05), random.nextDouble(0.005, 0.03), random.nextDouble(6, 20),
        random.nextDouble(2 * Math.PI), random.nextDouble(0.002, 0.007), random.nextDouble(0.01, 0.05),
        random.nextDouble(0.2, 1.5), random.nextDouble(2, 7), random.nextLong());
  }

  private static int packed(int[] rgb) {
    return rgb[0] << 16 | rgb[1] << 8 | rgb[2];
  }
}
