package dev.lofi.ingest.synth;

import java.util.SplittableRandom;

/**
 * Where the camera looks and how bright the picture is in every frame: a slow pan plus jitter, in
 * whole pixels within the backdrop's margin, and a brightness gain that flickers around 1.
 */
final class CameraPath {

  /** How much of one frame's shake carries into the next: a shaky hand, not white noise. */
  private static final double SHAKE_MEMORY = 0.6;

  private final int[] offsetX;
  private final int[] offsetY;
  private final int[] gain256;

  private CameraPath(int[] offsetX, int[] offsetY, int[] gain256) {
    this.offsetX = offsetX;
    this.offsetY = offsetY;
    this.gain256 = gain256;
  }

  static CameraPath of(Scenery scenery, SynthPreset preset, int frames, SplittableRandom random) {
    int margin = Backdrop.marginPixels(preset);
    double innovation = scenery.shake() * Math.sqrt(1 - SHAKE_MEMORY * SHAKE_MEMORY);
    int[] offsetX = new int[frames];
    int[] offsetY = new int[frames];
    int[] gain256 = new int[frames];
    double shakeX = 0;
    double shakeY = 0;
    for (int frame = 0; frame < frames; frame++) {
      double seconds = frame / preset.fps();
      double pan = 2 * Math.PI * seconds / scenery.panSeconds() + scenery.panPhase();
      shakeX = SHAKE_MEMORY * shakeX + innovation * random.nextGaussian();
      shakeY = SHAKE_MEMORY * shakeY + innovation * random.nextGaussian();
      // The vertical pan runs at another period than the horizontal, so the path is no plain line.
      offsetX[frame] = pixels(scenery.panX() * Math.sin(pan) + shakeX, preset, margin);
      offsetY[frame] = pixels(scenery.panY() * Math.sin(1.37 * pan) + shakeY, preset, margin);
      double flicker = scenery.flicker() * Math.sin(2 * Math.PI * scenery.flickerHz() * seconds)
          + 0.3 * scenery.flicker() * random.nextGaussian();
      gain256[frame] = (int) Math.round(256 * (1 + flicker));
    }
    return new CameraPath(offsetX, offsetY, gain256);
  }

  private static int pixels(double sceneUnits, SynthPreset preset, int margin) {
    return Math.max(-margin, Math.min(margin, (int) Math.round(sceneUnits * preset.height())));
  }

  /** Pixels the view is moved right of the backdrop's centre. */
  int offsetX(int frame) {
    return offsetX[frame];
  }

  /** Pixels the view is moved down of the backdrop's centre. */
  int offsetY(int frame) {
    return offsetY[frame];
  }

  /** Brightness gain, 256 = 1. */
  int gain256(int frame) {
    return gain256[frame];
  }
}
