package dev.lofi.ingest.synth;

import java.util.SplittableRandom;

/**
 * How an object looks: outline, colour and size. Actor and distractors draw their looks from this
 * one distribution, whatever they do, so appearance says nothing about the action.
 *
 * @param halfLength half the long axis, scene units
 * @param aspect long axis over short axis, above 1 so that turning shows
 * @param angle resting rotation, radians
 */
record Look(Outline outline, int red, int green, int blue, double halfLength, double aspect, double angle) {

  Look {
    if (halfLength <= 0 || aspect < 1) {
      throw new IllegalArgumentException("halfLength must be > 0 and aspect >= 1, got " + halfLength + ", " + aspect);
    }
  }

  /** The look of {@code action}'s actor in a legible set: fully saturated, one hue per class. */
  Look inColourOf(ActionClass action) {
    int[] rgb = Palette.hsv((double) action.ordinal() / ActionClass.values().length, 0.95, 0.95);
    return new Look(outline, rgb[0], rgb[1], rgb[2], halfLength, aspect, angle);
  }

  /** This look without colour, so that it reads as no class in a legible set. */
  Look inGrey() {
    int grey = (int) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
    return new Look(outline, grey, grey, grey, halfLength, aspect, angle);
  }

  static Look draw(SplittableRandom random) {
    Outline outline = Outline.values()[random.nextInt(Outline.values().length)];
    int[] rgb = Palette.hsv(random.nextDouble(), random.nextDouble(0.35, 0.9), random.nextDouble(0.45, 0.95));
    return new Look(outline, rgb[0], rgb[1], rgb[2], random.nextDouble(0.09, 0.15),
        random.nextDouble(1.7, 2.8), random.nextDouble(Math.PI));
  }
}
