package dev.lofi.cli.report;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Reading a rendered plot back: the colour at a point, and where a colour occurs. */
final class Pixels {

  private Pixels() {}

  /** The colour of the pixel that holds ({@code x}, {@code y}). */
  static Color at(BufferedImage image, double x, double y) {
    return new Color(image.getRGB((int) Math.floor(x), (int) Math.floor(y)));
  }

  /** Whether a pixel of exactly {@code colour} lies within {@code radius} pixels of ({@code x}, {@code y}). */
  static boolean near(BufferedImage image, Color colour, double x, double y, int radius) {
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        if (at(image, x + dx, y + dy).equals(colour)) {
          return true;
        }
      }
    }
    return false;
  }
}
