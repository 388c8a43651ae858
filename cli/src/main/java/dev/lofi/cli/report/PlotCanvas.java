package dev.lofi.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What the report's plots share: a white antialiased image, one type scale, one palette, text
 * placed by anchor, and the legend. Drawing only into a {@link BufferedImage} keeps the plots
 * working without a display ({@code java.awt.headless=true}).
 */
final class PlotCanvas {

  static final Color BACKGROUND = Color.WHITE;
  static final Color INK = new Color(0x33, 0x33, 0x33);
  static final Color MUTED = new Color(0x77, 0x77, 0x77);
  static final Color GRID = new Color(0xE3, 0xE3, 0xE3);

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** Tableau 10: ten hues that stay apart from each other, on screen and printed. */
  private static final int[] PALETTE = {
    0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC
  };

  /** Air right of a plotting area, for the last tick's label. */
  static final int RIGHT_MARGIN = 28;

  private static final int TOP_MARGIN = 16;
  private static final int SWATCH = 22;
  private static final int LEGEND_GAP = 20;

  private PlotCanvas() {}

  /** Graphics over {@code image}, filled with the background, set up for smooth lines and text. */
  static Graphics2D blank(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(INK);
    g.setFont(LABEL);
    return g;
  }

  /** The {@code index}-th series or class colour; after ten they repeat. */
  static Color colour(int index) {
    return new Color(PALETTE[index % PALETTE.length]);
  }

  /**
   * Draws {@code text} with its box anchored at ({@code x}, {@code y}): {@code alignX} 0 puts its
   * left edge there, 0.5 its centre, 1 its right edge; {@code alignY} likewise from top to bottom.
   */
  static void text(Graphics2D g, String text, double x, double y, double alignX, double alignY) {
    FontMetrics metrics = g.getFontMetrics();
    double width = metrics.getStringBounds(text, g).getWidth();
    double height = metrics.getAscent() + metrics.getDescent();
    g.drawString(text, (float) (x - alignX * width), (float) (y - alignY * height + metrics.getAscent()));
  }

  /** Draws the plot's title at the top, its left edge at {@code left}. */
  static void title(Graphics2D g, String title, double left) {
    g.setFont(TITLE);
    g.setColor(INK);
    text(g, title, left, TOP_MARGIN, 0, 0);
  }

  /** Where the title ends, for what goes below it. */
  static double belowTitle(Graphics2D g) {
    return TOP_MARGIN + g.getFontMetrics(TITLE).getHeight();
  }

  /** How wide {@code text} is drawn in the graphics' current font. */
  static double width(Graphics2D g, String text) {
    return g.getFontMetrics().getStringBounds(text, g).getWidth();
  }

  /**
   * Colour swatches with names, laid out left to right from {@code x} and wrapped before
   * {@code right}; measured first, so that a plot can make room for it before drawing.
   */
  record Legend(List<String> names, List<Color> colours, double[] xs, int[] rows, int rowHeight) {

    /** The legend of {@code names} in {@code colours}, laid out with {@code g}'s font metrics. */
    static Legend layout(Graphics2D g, List<String> names, List<Color> colours, double x, double right) {
      g.setFont(LABEL);
      double[] xs = new double[names.size()];
      int[] rows = new int[names.size()];
      double cursor = x;
      int row = 0;
      for (int i = 0; i < names.size(); i++) {
        double width = SWATCH + 6 + width(g, names.get(i));
        if (cursor > x && cursor + width > right) {
          cursor = x;
          row++;
        }
        xs[i] = cursor;
        rows[i] = row;
        cursor += width + LEGEND_GAP;
      }
      return new Legend(names, colours, xs, rows, g.getFontMetrics().getHeight() + 6);
    }

    /** The height it takes. */
    int height() {
      return rows.length == 0 ? 0 : (rows[rows.length - 1] + 1) * rowHeight;
    }

    /** Draws it with its first row's top at {@code y}. */
    void draw(Graphics2D g, double y) {
      g.setFont(LABEL);
      for (int i = 0; i < names.size(); i++) {
        double middle = y + rows[i] * rowHeight + rowHeight / 2.0;
        g.setColor(colours.get(i));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(xs[i], middle, xs[i] + SWATCH, middle));
        g.setColor(INK);
        text(g, names.get(i), xs[i] + SWATCH + 6, middle, 0, 0.5);
      }
      g.setStroke(new BasicStroke(1));
    }
  }

  /** Graphics for measuring text before the image it goes into exists. */
  static Graphics2D measuring() {
    return blank(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
  }
}
