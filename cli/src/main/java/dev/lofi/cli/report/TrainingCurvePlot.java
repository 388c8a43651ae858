package dev.lofi.cli.report;

import dev.lofi.cli.report.TrainingCurve.Point;
import dev.lofi.trainer.stage.HeadTraining;
import dev.lofi.trainer.stage.JointTraining;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Training curves of several configurations in one image: a loss-by-step panel per training stage,
 * in the pipeline's order, each configuration in its own colour in every panel, and below them
 * validation mAP by epoch when any configuration was validated. Stages get panels of their own
 * because their steps do not compare: a LoFi stage takes a few dozen steps on whole videos, the head
 * stage hundreds on stored features.
 */
public final class TrainingCurvePlot {

  /**
   * Size and smoothing.
   *
   * @param width image width in pixels
   * @param lossHeight height of the loss panel's plotting area
   * @param mapHeight height of the mAP panel's plotting area
   * @param smoothing the share of a curve's steps its loss is averaged over, centred (0 to draw each
   *     step's loss only): one step's loss on a batch of two videos is mostly noise, and a share
   *     rather than a fixed window leaves a short run's few steps as they are
   */
  public record Settings(int width, int lossHeight, int mapHeight, double smoothing) {

    /** Readable at 1000 pixels wide; the loss averaged over a twentieth of the steps. */
    public static final Settings DEFAULT = new Settings(1000, 360, 260, 0.05);

    public Settings {
      if (width < 400 || lossHeight < 100 || mapHeight < 100) {
        throw new IllegalArgumentException("a plot needs width >= 400 and panels >= 100 pixels high, got "
            + width + "x" + lossHeight + "/" + mapHeight);
      }
      if (!(smoothing >= 0 && smoothing < 1)) {
        throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
      }
    }
  }

  private static final int LEFT = 84;
  private static final int PANEL_TITLE = 26;
  /** Below a plotting area: tick labels, the axis title, and air before the next panel. */
  private static final int BELOW_AREA = 62;
  private static final int LOSS_TICKS = 6;
  /** The stages with a panel title of their own, in the order they run. */
  private static final List<String> STAGE_ORDER = List.of(JointTraining.STAGE, HeadTraining.STAGE);

  /** One panel's plotting area and axes. */
  record Panel(Rectangle2D area, PlotAxis x, PlotAxis y) {}

  /**
   * Where everything goes.
   *
   * @param loss a loss panel per stage, in the pipeline's order
   * @param map the mAP panel; null where no curve was validated
   */
  record Layout(PlotCanvas.Legend legend, double legendTop, Map<String, Panel> loss, Panel map, int height) {}

  private final Settings settings;

  /** A plot with the default settings. */
  public TrainingCurvePlot() {
    this(Settings.DEFAULT);
  }

  public TrainingCurvePlot(Settings settings) {
    this.settings = settings;
  }

  /** The curves, one colour per configuration in the order the configurations first appear. */
  public BufferedImage render(List<TrainingCurve> curves) {
    Layout layout = layout(curves);
    List<String> configurations = configurations(curves);
    BufferedImage image = new BufferedImage(settings.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = PlotCanvas.blank(image);
    PlotCanvas.title(g, "Training curves", LEFT);
    layout.legend().draw(g, layout.legendTop());

    for (Map.Entry<String, Panel> stage : layout.loss().entrySet()) {
      List<TrainingCurve> inStage = curves.stream().filter(c -> c.stage().equals(stage.getKey())).toList();
      boolean anySmoothed = inStage.stream().anyMatch(c -> halfWindow(c.loss()) > 0);
      drawPanel(g, stage.getValue(), title(stage.getKey())
          + (anySmoothed ? " (solid: moving average, faint: each step)" : ""), "step", "loss");
      for (TrainingCurve curve : inStage) {
        Color colour = PlotCanvas.colour(configurations.indexOf(curve.configuration()));
        List<Point> loss = curve.loss();
        if (halfWindow(loss) > 0) {
          drawLine(g, stage.getValue(), loss, fade(colour), 1.2f);
          drawLine(g, stage.getValue(), smoothed(loss), colour, 2.5f);
        } else {
          drawLine(g, stage.getValue(), loss, colour, 2.5f);
        }
      }
    }
    if (layout.map() != null) {
      drawPanel(g, layout.map(), "Validation mAP by epoch", "epoch", "avg mAP (%)");
      for (TrainingCurve curve : curves) {
        Color colour = PlotCanvas.colour(configurations.indexOf(curve.configuration()));
        List<Point> percent = percent(curve);
        drawLine(g, layout.map(), percent, colour, 2.5f);
        drawMarkers(g, layout.map(), percent, colour);
      }
    }
    g.dispose();
    return image;
  }

  /** Where the legend and panels of {@code curves} go. */
  Layout layout(List<TrainingCurve> curves) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("need at least one training curve to plot");
    }
    double right = settings.width() - PlotCanvas.RIGHT_MARGIN;
    Graphics2D measuring = PlotCanvas.measuring();
    double legendTop = PlotCanvas.belowTitle(measuring) + 8;
    List<String> configurations = configurations(curves);
    PlotCanvas.Legend legend = PlotCanvas.Legend.layout(measuring, configurations,
        IntStream.range(0, configurations.size()).mapToObj(PlotCanvas::colour).toList(), LEFT, right);
    measuring.dispose();

    Map<String, Panel> loss = new LinkedHashMap<>();
    double bottom = legendTop + legend.height() + 10;
    for (String stage : stages(curves)) {
      double top = bottom + PANEL_TITLE;
      loss.put(stage, panel(top, settings.lossHeight(),
          curves.stream().filter(c -> c.stage().equals(stage)).toList(), TrainingCurve::loss, LOSS_TICKS));
      bottom = top + settings.lossHeight() + BELOW_AREA;
    }
    List<TrainingCurve> validated = curves.stream().filter(c -> !c.validationMap().isEmpty()).toList();
    Panel map = null;
    if (!validated.isEmpty()) {
      double top = bottom + PANEL_TITLE;
      map = panel(top, settings.mapHeight(), validated, TrainingCurvePlot::percent, 5);
      bottom = top + settings.mapHeight() + BELOW_AREA;
    }
    return new Layout(legend, legendTop, loss, map, (int) Math.ceil(bottom));
  }

  /** Each configuration once, in the order it first appears: the legend's order and colours. */
  private static List<String> configurations(List<TrainingCurve> curves) {
    return curves.stream().map(TrainingCurve::configuration).distinct().toList();
  }

  /** Each stage once: the pipeline's stages in the order they run, then any other in order of appearance. */
  private static List<String> stages(List<TrainingCurve> curves) {
    List<String> stages = curves.stream().map(TrainingCurve::stage).distinct().toList();
    return stages.stream().sorted(Comparator.comparingInt((String stage) -> STAGE_ORDER.contains(stage)
        ? STAGE_ORDER.indexOf(stage) : STAGE_ORDER.size() + stages.indexOf(stage))).toList();
  }

  private static String title(String stage) {
    return switch (stage) {
      case JointTraining.STAGE -> "Joint encoder and head training at low fidelity: loss by step";
      case HeadTraining.STAGE -> "Head training on full-fidelity features: loss by step";
      default -> "Stage " + stage + ": loss by step";
    };
  }

  private Panel panel(double top, int height, List<TrainingCurve> curves, Function<TrainingCurve, List<Point>> points,
      int yTicks) {
    List<Point> all = curves.stream().flatMap(c -> points.apply(c).stream()).toList();
    Rectangle2D area = new Rectangle2D.Double(LEFT, top, settings.width() - PlotCanvas.RIGHT_MARGIN - LEFT, height);
    PlotAxis x = PlotAxis.rounded(all.stream().mapToLong(Point::at).min().orElseThrow(),
        all.stream().mapToLong(Point::at).max().orElseThrow(), 10, true, area.getMinX(), area.getMaxX());
    PlotAxis y = PlotAxis.rounded(all.stream().mapToDouble(Point::value).min().orElseThrow(),
        all.stream().mapToDouble(Point::value).max().orElseThrow(), yTicks, false, area.getMaxY(), area.getMinY());
    return new Panel(area, x, y);
  }

  private static void drawPanel(Graphics2D g, Panel panel, String title, String xTitle, String yTitle) {
    Rectangle2D area = panel.area();
    g.setFont(PlotCanvas.LABEL.deriveFont(Font.BOLD));
    g.setColor(PlotCanvas.INK);
    PlotCanvas.text(g, title, area.getMinX(), area.getMinY() - 8, 0, 1);
    g.setFont(PlotCanvas.LABEL);
    panel.y().drawVertical(g, area.getMinX(), area.getMaxX(), yTitle);
    panel.x().drawHorizontal(g, area.getMaxY(), area.getMinY(), xTitle);
  }

  private static void drawLine(Graphics2D g, Panel panel, List<Point> points, Color colour, float width) {
    if (points.size() < 2) {
      drawMarkers(g, panel, points, colour);
      return;
    }
    Path2D.Double path = new Path2D.Double();
    for (Point p : points) {
      double px = panel.x().pixel(p.at());
      double py = panel.y().pixel(p.value());
      if (path.getCurrentPoint() == null) {
        path.moveTo(px, py);
      } else {
        path.lineTo(px, py);
      }
    }
    Graphics2D clipped = (Graphics2D) g.create();
    clipped.clip(panel.area());
    clipped.setColor(colour);
    clipped.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    clipped.draw(path);
    clipped.dispose();
  }

  private static void drawMarkers(Graphics2D g, Panel panel, List<Point> points, Color colour) {
    g.setColor(colour);
    for (Point p : points) {
      double px = panel.x().pixel(p.at());
      double py = panel.y().pixel(p.value());
      g.fill(new Ellipse2D.Double(px - 4, py - 4, 8, 8));
    }
  }

  /** How many steps either side of a step its smoothed loss averages; 0 for none. */
  private int halfWindow(List<Point> loss) {
    return (int) Math.round(loss.size() * settings.smoothing() / 2);
  }

  /**
   * The loss averaged over a window centred on each step, narrower at the ends: centred, so that
   * a falling loss is not drawn late as an exponential average draws it.
   */
  private List<Point> smoothed(List<Point> loss) {
    int half = halfWindow(loss);
    double[] sums = new double[loss.size() + 1];
    for (int i = 0; i < loss.size(); i++) {
      sums[i + 1] = sums[i] + loss.get(i).value();
    }
    List<Point> out = new ArrayList<>(loss.size());
    for (int i = 0; i < loss.size(); i++) {
      int reach = Math.min(half, Math.min(i, loss.size() - 1 - i));
      out.add(new Point(loss.get(i).at(), (sums[i + reach + 1] - sums[i - reach]) / (2 * reach + 1)));
    }
    return out;
  }

  /** Validation mAP in percent, as the table gives it. */
  private static List<Point> percent(TrainingCurve curve) {
    return curve.validationMap().stream().map(p -> new Point(p.at(), 100 * p.value())).toList();
  }

  private static Color fade(Color colour) {
    return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 80);
  }
}
