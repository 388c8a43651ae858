package dev.lofi.cli.report;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis from data values to pixels, ticked at round numbers (1, 2 or 5 times a power of
 * ten, Heckbert's "nice numbers"), and drawn with its grid, tick labels and title.
 */
final class PlotAxis {

  private static final int TICK_LENGTH = 5;

  private final double min;
  private final double max;
  private final double step;
  private final double pixelMin;
  private final double pixelMax;

  private PlotAxis(double min, double max, double step, double pixelMin, double pixelMax) {
    this.min = min;
    this.max = max;
    this.step = step;
    this.pixelMin = pixelMin;
    this.pixelMax = pixelMax;
  }

  /**
   * An axis over exactly {@code [min, max]}, e.g. a video's 0 to its duration, with about
   * {@code ticks} round ticks inside; {@code pixelMin} is where {@code min} is drawn (for a vertical
   * axis, below {@code pixelMax}).
   */
  static PlotAxis exact(double min, double max, int ticks, double pixelMin, double pixelMax) {
    double[] range = range(min, max);
    return new PlotAxis(range[0], range[1], niceStep(range[1] - range[0], ticks, false), pixelMin, pixelMax);
  }

  /**
   * An axis over {@code [min, max]} widened to the round ticks around them, as plots of measured
   * values do; {@code whole} keeps ticks on whole numbers (steps, epochs).
   */
  static PlotAxis rounded(double min, double max, int ticks, boolean whole, double pixelMin, double pixelMax) {
    double[] range = range(min, max);
    double step = niceStep(range[1] - range[0], ticks, whole);
    return new PlotAxis(Math.floor(range[0] / step) * step, Math.ceil(range[1] / step) * step, step, pixelMin, pixelMax);
  }

  /** Where {@code value} is drawn. */
  double pixel(double value) {
    return pixelMin + (value - min) / (max - min) * (pixelMax - pixelMin);
  }

  /** The tick values, ascending, all within the axis. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    // Counting steps, not adding them, keeps 0.1 + 0.2 from drifting past a label.
    for (long i = (long) Math.ceil(min / step - 1e-9); i * step <= max + step * 1e-9; i++) {
      ticks.add(i * step);
    }
    return ticks;
  }

  /** A tick's text, with as many decimals as the step needs. */
  String label(double tick) {
    // Six digits drop the binary noise of a step like 0.1 before its decimals are counted.
    int decimals = Math.max(0, BigDecimal.valueOf(step).round(new MathContext(6)).stripTrailingZeros().scale());
    return BigDecimal.valueOf(tick).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * Draws this axis horizontally at {@code y}: grid lines up to {@code gridTop}, ticks and labels
   * below, and the title centred under them.
   */
  void drawHorizontal(Graphics2D g, double y, double gridTop, String title) {
    for (double tick : ticks()) {
      double x = pixel(tick);
      g.setColor(PlotCanvas.GRID);
      g.draw(new Line2D.Double(x, gridTop, x, y));
      g.setColor(PlotCanvas.INK);
      g.draw(new Line2D.Double(x, y, x, y + TICK_LENGTH));
      PlotCanvas.text(g, label(tick), x, y + TICK_LENGTH + 2, 0.5, 0);
    }
    g.draw(new Line2D.Double(pixelMin, y, pixelMax, y));
    PlotCanvas.text(g, title, (pixelMin + pixelMax) / 2, y + TICK_LENGTH + 4 + g.getFontMetrics().getHeight(), 0.5, 0);
  }

  /**
   * Draws this axis vertically at {@code x}: grid lines across to {@code gridRight}, ticks and
   * labels to the left, and the title turned a quarter left of them.
   */
  void drawVertical(Graphics2D g, double x, double gridRight, String title) {
    int widest = 0;
    for (double tick : ticks()) {
      double y = pixel(tick);
      g.setColor(PlotCanvas.GRID);
      g.draw(new Line2D.Double(x, y, gridRight, y));
      g.setColor(PlotCanvas.INK);
      g.draw(new Line2D.Double(x - TICK_LENGTH, y, x, y));
      String label = label(tick);
      widest = Math.max(widest, g.getFontMetrics().stringWidth(label));
      PlotCanvas.text(g, label, x - TICK_LENGTH - 3, y, 1, 0.5);
    }
    g.draw(new Line2D.Double(x, pixelMin, x, pixelMax));
    Graphics2D turned = (Graphics2D) g.create();
    turned.translate(x - TICK_LENGTH - 8 - widest, (pixelMin + pixelMax) / 2);
    turned.rotate(-Math.PI / 2);
    PlotCanvas.text(turned, title, 0, 0, 0.5, 1);
    turned.dispose();
  }

  private static double[] range(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
      throw new IllegalArgumentException("an axis needs finite min <= max, got [" + min + ", " + max + "]");
    }
    // A flat series still gets an axis around its value.
    double pad = max > min ? 0 : Math.max(Math.abs(min) * 0.1, 1e-3);
    return new double[] {min - pad, max + pad};
  }

  private static double niceStep(double span, int ticks, boolean whole) {
    double raw = span / Math.max(1, ticks);
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    double step = nice * power;
    return whole ? Math.max(1, Math.round(step)) : step;
  }
}
