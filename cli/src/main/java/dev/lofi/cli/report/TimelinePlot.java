package dev.lofi.cli.report;

import dev.lofi.model.segment.Detection;
import dev.lofi.topics.record.GroundTruthSegment;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One video on a time axis: the ground truth in a lane on top, and below it the best detections,
 * one row each, best first, so that a reader sees at a glance which actions were found, how well
 * their boundaries match, and what was found that is not there. A class has one colour in both;
 * a detection's opacity is its score.
 */
public final class TimelinePlot {

  /**
   * Size and how many detections to show.
   *
   * @param width image width in pixels
   * @param topDetections the number of detections drawn, highest scores first (the localizer keeps
   *     100 a video, most of them low-scoring duplicates after soft-NMS)
   */
  public record Settings(int width, int topDetections) {

    /** Readable at 1000 pixels wide. */
    public static final Settings DEFAULT = new Settings(1000, 10);

    public Settings {
      if (width < 400) {
        throw new IllegalArgumentException("a timeline needs width >= 400 pixels, got " + width);
      }
      if (topDetections < 1) {
        throw new IllegalArgumentException("topDetections must be >= 1, got " + topDetections);
      }
    }
  }

  static final Color LANE = new Color(0xF4, 0xF4, 0xF4);

  private static final int LEFT = 124;
  private static final int LANE_HEIGHT = 34;
  private static final int ROW_HEIGHT = 24;
  private static final int BAR_INSET = 3;
  private static final int BELOW_AXIS = 56;
  private static final double MIN_OPACITY = 0.25;

  /**
   * Where everything goes.
   *
   * @param shown the detections drawn, one per row, best first
   * @param classes the classes drawn, in the labels' order; the i-th has the i-th colour
   */
  record Layout(PlotAxis time, Rectangle2D groundTruthLane, List<Rectangle2D> rows, List<Detection> shown,
      List<String> classes, double axisY, PlotCanvas.Legend legend, double legendTop, int height) {}

  private final Settings settings;

  /** A plot with the default settings. */
  public TimelinePlot() {
    this(Settings.DEFAULT);
  }

  public TimelinePlot(Settings settings) {
    this.settings = settings;
  }

  /** The timeline of {@code video}. */
  public BufferedImage render(VideoTimeline video) {
    Layout layout = layout(video);
    BufferedImage image = new BufferedImage(settings.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = PlotCanvas.blank(image);
    List<String> classes = layout.classes();

    PlotCanvas.title(g, title(video, layout.shown().size()), LEFT);

    Rectangle2D lane = layout.groundTruthLane();
    g.setColor(LANE);
    g.fill(lane);
    g.setFont(PlotCanvas.LABEL);
    layout.time().drawHorizontal(g, layout.axisY(), lane.getMinY(), "time (s)");
    g.setColor(PlotCanvas.INK);
    PlotCanvas.text(g, "ground truth", LEFT - 10, lane.getCenterY(), 1, 0.5);
    PlotCanvas.text(g, "detections", LEFT - 10, layout.rows().get(0).getCenterY(), 1, 0.5);

    for (GroundTruthSegment segment : video.groundTruth()) {
      Color colour = PlotCanvas.colour(classes.indexOf(segment.label()));
      Rectangle2D bar = bar(layout, lane, segment.start(), segment.end(), video.duration());
      g.setColor(colour);
      g.fill(bar);
      g.setColor(PlotCanvas.BACKGROUND);
      g.draw(bar);
      labelInside(g, segment.label(), bar, colour);
    }

    g.setFont(PlotCanvas.SMALL);
    if (layout.shown().isEmpty()) {
      g.setColor(PlotCanvas.MUTED);
      PlotCanvas.text(g, "no detections", LEFT + 6, layout.rows().get(0).getCenterY(), 0, 0.5);
    }
    for (int i = 0; i < layout.shown().size(); i++) {
      Detection detection = layout.shown().get(i);
      Color colour = PlotCanvas.colour(classes.indexOf(video.label(detection)));
      Color fill = opacity(colour, detection.score());
      Rectangle2D bar = bar(layout, layout.rows().get(i), detection.start(), detection.end(), video.duration());
      g.setColor(fill);
      g.fill(bar);
      g.setColor(colour);
      g.draw(bar);
      String text = video.label(detection) + String.format(Locale.ROOT, " %.2f", detection.score());
      labelBeside(g, text, bar, layout.time().pixel(video.duration()), textOn(fill));
    }

    layout.legend().draw(g, layout.legendTop());
    g.dispose();
    return image;
  }

  /** Where the lanes, rows, axis and legend of {@code video} go. */
  Layout layout(VideoTimeline video) {
    double right = settings.width() - PlotCanvas.RIGHT_MARGIN;
    Graphics2D measuring = PlotCanvas.measuring();
    double laneTop = PlotCanvas.belowTitle(measuring) + 14;
    Rectangle2D lane = new Rectangle2D.Double(LEFT, laneTop, right - LEFT, LANE_HEIGHT);

    List<Detection> shown = video.detections().stream()
        .sorted(Comparator.comparingDouble(Detection::score).reversed().thenComparingDouble(Detection::start))
        .limit(settings.topDetections())
        .toList();
    double rowsTop = lane.getMaxY() + 16;
    List<Rectangle2D> rows = IntStream.range(0, Math.max(1, shown.size()))
        .mapToObj(i -> (Rectangle2D) new Rectangle2D.Double(LEFT, rowsTop + i * ROW_HEIGHT, right - LEFT, ROW_HEIGHT))
        .toList();
    double axisY = rows.get(rows.size() - 1).getMaxY() + 6;

    // Colours go to the classes in this video only, so that ten of them never share one.
    List<String> classes = video.classes().stream()
        .filter(c -> video.groundTruth().stream().anyMatch(s -> s.label().equals(c))
            || shown.stream().anyMatch(d -> video.label(d).equals(c)))
        .toList();
    PlotCanvas.Legend legend = PlotCanvas.Legend.layout(measuring, classes,
        IntStream.range(0, classes.size()).mapToObj(PlotCanvas::colour).toList(), LEFT, right);
    measuring.dispose();
    double legendTop = axisY + BELOW_AXIS;
    return new Layout(PlotAxis.exact(0, video.duration(), 10, LEFT, right), lane, rows, shown, classes, axisY,
        legend, legendTop, (int) Math.ceil(legendTop + legend.height() + 12));
  }

  /** The bar of {@code [start, end]} in a lane or row, clipped to the video and at least a pixel wide. */
  private static Rectangle2D bar(Layout layout, Rectangle2D row, double start, double end, double duration) {
    double x0 = layout.time().pixel(Math.max(0, start));
    double x1 = Math.max(x0 + 1, layout.time().pixel(Math.min(duration, end)));
    return new Rectangle2D.Double(x0, row.getMinY() + BAR_INSET, x1 - x0, row.getHeight() - 2 * BAR_INSET);
  }

  private static String title(VideoTimeline video, int shown) {
    int all = video.detections().size();
    String detections = all == 0 ? "no detections"
        : shown == all ? "all " + all + " detections"
        : "the best " + shown + " of " + all + " detections";
    return video.videoId() + ": ground truth and " + detections;
  }

  /**
   * A ground-truth label inside its bar, shortened with an ellipsis, or left out where not even two
   * letters fit: the legend names the class by its colour.
   */
  private static void labelInside(Graphics2D g, String label, Rectangle2D bar, Color fill) {
    double room = bar.getWidth() - 8;
    String text = label;
    for (int keep = label.length() - 1; PlotCanvas.width(g, text) > room && keep >= 2; keep--) {
      text = label.substring(0, keep) + "…";
    }
    if (PlotCanvas.width(g, text) <= room) {
      g.setColor(textOn(fill));
      PlotCanvas.text(g, text, bar.getMinX() + 4, bar.getCenterY(), 0, 0.5);
    }
  }

  /** A detection's label inside its bar where it fits, else after it, else before it. */
  private static void labelBeside(Graphics2D g, String text, Rectangle2D bar, double right, Color textOnFill) {
    double width = PlotCanvas.width(g, text);
    if (width + 8 <= bar.getWidth()) {
      g.setColor(textOnFill);
      PlotCanvas.text(g, text, bar.getMinX() + 4, bar.getCenterY(), 0, 0.5);
    } else {
      g.setColor(PlotCanvas.INK);
      boolean after = bar.getMaxX() + 4 + width <= right;
      PlotCanvas.text(g, text, after ? bar.getMaxX() + 4 : bar.getMinX() - 4, bar.getCenterY(), after ? 0 : 1, 0.5);
    }
  }

  /** {@code colour} laid over white at an opacity that grows with {@code score}. */
  static Color opacity(Color colour, double score) {
    double alpha = MIN_OPACITY + (1 - MIN_OPACITY) * Math.min(1, score);
    return new Color(blend(colour.getRed(), alpha), blend(colour.getGreen(), alpha), blend(colour.getBlue(), alpha));
  }

  private static int blend(int channel, double alpha) {
    return (int) Math.round(alpha * channel + (1 - alpha) * 255);
  }

  /** Text that reads on {@code fill}: white on dark colours, ink on light ones. */
  private static Color textOn(Color fill) {
    double luminance = 0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue();
    return luminance < 150 ? Color.WHITE : PlotCanvas.INK;
  }
}
