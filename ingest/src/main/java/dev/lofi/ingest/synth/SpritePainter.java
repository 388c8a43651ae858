package dev.lofi.ingest.synth;

/**
 * Draws an object's look into a BGR frame, anti-aliased, shaded from dark tail to bright head along
 * its long axis so that its orientation shows all the way round.
 */
final class SpritePainter {

  private SpritePainter() {}

  /**
   * @param cx centre across, pixels
   * @param cy centre down, pixels
   * @param unit pixels per scene unit
   */
  static void paint(byte[] bgr, int width, int height, Look look, double cx, double cy, double scale, double angle,
      double unit) {
    double a = look.halfLength() * scale * unit;
    double b = a / look.aspect();
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    int reach = (int) Math.ceil(a) + 1;
    int top = Math.max(0, (int) Math.floor(cy) - reach);
    int bottom = Math.min(height - 1, (int) Math.ceil(cy) + reach);
    int left = Math.max(0, (int) Math.floor(cx) - reach);
    int right = Math.min(width - 1, (int) Math.ceil(cx) + reach);
    for (int py = top; py <= bottom; py++) {
      double dy = py + 0.5 - cy;
      for (int px = left; px <= right; px++) {
        double dx = px + 0.5 - cx;
        double u = dx * cos + dy * sin;
        double v = dy * cos - dx * sin;
        double cover = Math.min(1, look.outline().inset(u, v, a, b) + 0.5);
        if (cover <= 0) {
          continue;
        }
        double shade = 0.7 + 0.3 * Math.max(-1, Math.min(1, u / a));
        int i = (py * width + px) * 3;
        blend(bgr, i, look.blue() * shade, cover);
        blend(bgr, i + 1, look.green() * shade, cover);
        blend(bgr, i + 2, look.red() * shade, cover);
      }
    }
  }

  private static void blend(byte[] bgr, int i, double value, double cover) {
    int under = bgr[i] & 0xFF;
    bgr[i] = (byte) (int) Math.round(under + (value - under) * cover);
  }
}
