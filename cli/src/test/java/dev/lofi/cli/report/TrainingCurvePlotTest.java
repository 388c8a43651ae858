package dev.lofi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.cli.report.TrainingCurve.Point;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.topics.record.TrainerMetric.Kind;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TrainingCurvePlotTest {

  private final TrainingCurvePlot plot = new TrainingCurvePlot(new TrainingCurvePlot.Settings(1000, 360, 260, 0));

  /** A loss that stays at {@code value} for 100 steps. */
  static List<Point> flat(double value) {
    return LongStream.rangeClosed(1, 100).mapToObj(step -> new Point(step, value)).toList();
  }

  @Test
  void rendersWithoutADisplay() {
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();

    BufferedImage image = plot.render(List.of(new TrainingCurve("baseline", "head", flat(1), List.of())));

    assertThat(image.getWidth()).isEqualTo(1000);
  }

  @Test
  void eachConfigurationIsDrawnInItsOwnColourWhereItsLossIs() {
    List<TrainingCurve> curves = List.of(
        new TrainingCurve("baseline", "head", flat(1.0), List.of()),
        new TrainingCurve("C-LoFi", "head", flat(2.0), List.of()));
    BufferedImage image = plot.render(curves);
    TrainingCurvePlot.Panel loss = plot.layout(curves).loss().get("head");
    double x = loss.x().pixel(55);

    assertThat(Pixels.near(image, PlotCanvas.colour(0), x, loss.y().pixel(1.0), 2)).isTrue();
    assertThat(Pixels.near(image, PlotCanvas.colour(1), x, loss.y().pixel(2.0), 2)).isTrue();
    assertThat(Pixels.near(image, PlotCanvas.colour(1), x, loss.y().pixel(1.0), 2)).isFalse();
    assertThat(Pixels.at(image, x, loss.y().pixel(1.5) + 7)).as("nothing between the lines")
        .isEqualTo(PlotCanvas.BACKGROUND);
  }

  @Test
  void eachStageHasItsOwnPanelInPipelineOrderAndAConfigurationKeepsItsColourAcrossThem() {
    List<Point> tenSteps = LongStream.rangeClosed(1, 10).mapToObj(step -> new Point(step, 2.0)).toList();
    List<TrainingCurve> curves = List.of(
        new TrainingCurve("baseline", "head", flat(1.0), List.of()),
        new TrainingCurve("C-LoFi", "lofi", tenSteps, List.of()),
        new TrainingCurve("C-LoFi", "head", flat(0.5), List.of()));
    TrainingCurvePlot.Layout layout = plot.layout(curves);
    BufferedImage image = plot.render(curves);

    assertThat(layout.loss().keySet()).as("the joint stage runs first").containsExactly("lofi", "head");
    TrainingCurvePlot.Panel joint = layout.loss().get("lofi");
    TrainingCurvePlot.Panel head = layout.loss().get("head");
    assertThat(joint.area().getMaxY()).isLessThan(head.area().getMinY());
    assertThat(joint.x().pixel(10)).as("a short stage spans its own panel").isGreaterThan(joint.area().getCenterX());
    assertThat(Pixels.near(image, PlotCanvas.colour(1), joint.x().pixel(5), joint.y().pixel(2.0), 2)).isTrue();
    assertThat(Pixels.near(image, PlotCanvas.colour(1), head.x().pixel(55), head.y().pixel(0.5), 2)).isTrue();
    assertThat(Pixels.near(image, PlotCanvas.colour(0), head.x().pixel(55), head.y().pixel(1.0), 2)).isTrue();
    assertThat(Pixels.near(image, PlotCanvas.colour(0), joint.x().pixel(5), joint.y().pixel(2.0), 6))
        .as("the baseline has no joint stage").isFalse();
  }

  @Test
  void theMapPanelAppearsOnlyWhereAConfigurationWasValidated() {
    List<TrainingCurve> unvalidated = List.of(new TrainingCurve("baseline", "head", flat(1), List.of()));
    List<TrainingCurve> validated = List.of(unvalidated.get(0),
        new TrainingCurve("S-LoFi", "head", flat(1.5), List.of(new Point(1, 0.20), new Point(2, 0.30), new Point(3, 0.35))));

    assertThat(plot.layout(unvalidated).map()).isNull();
    TrainingCurvePlot.Panel map = plot.layout(validated).map();
    assertThat(map).isNotNull();
    BufferedImage image = plot.render(validated);
    assertThat(image.getHeight()).isEqualTo(plot.layout(validated).height())
        .isGreaterThan(plot.render(unvalidated).getHeight() + 260);
    assertThat(Pixels.near(image, PlotCanvas.colour(1), map.x().pixel(2), map.y().pixel(30), 1))
        .as("mAP in percent at epoch 2").isTrue();
    assertThat(map.y().pixel(20)).isGreaterThan(map.y().pixel(35));
  }

  @Test
  void smoothingDrawsTheAverageInFullColourAndEachStepFaintly() {
    TrainingCurvePlot smoothing = new TrainingCurvePlot();
    List<Point> zigzag = LongStream.rangeClosed(1, 100).mapToObj(s -> new Point(s, s % 2 == 0 ? 1.2 : 2.8)).toList();
    List<TrainingCurve> curves = List.of(new TrainingCurve("ST-LoFi", "head", zigzag, List.of()));
    BufferedImage image = smoothing.render(curves);
    TrainingCurvePlot.Panel loss = smoothing.layout(curves).loss().get("head");
    Color colour = PlotCanvas.colour(0);

    assertThat(Pixels.near(image, colour, loss.x().pixel(60.5), loss.y().pixel(2.0), 2))
        .as("the moving average runs through the middle").isTrue();
    Color peak = Pixels.at(image, loss.x().pixel(61), loss.y().pixel(2.8));
    assertThat(peak).as("a step's own loss is drawn faint").isNotEqualTo(colour).isNotEqualTo(PlotCanvas.BACKGROUND);
    assertThat(peak.getRed() + peak.getGreen() + peak.getBlue())
        .isGreaterThan(colour.getRed() + colour.getGreen() + colour.getBlue() + 200);
  }

  @Test
  void curvesFromMetricsTakeOneStageAndTheLatestMeasurementOfAStep() {
    List<TrainerMetric> metrics = List.of(
        metric("pretrain", Kind.STEP, 0, 1, 9.0, null),
        metric("lofi", Kind.STEP, 0, 1, 2.0, null),
        metric("lofi", Kind.STEP, 0, 2, 1.8, null),
        metric("lofi", Kind.EPOCH, 1, 2, 1.9, 0.21),
        // resumed after a kill: step 2 trained again
        metric("lofi", Kind.STEP, 1, 2, 1.7, null),
        metric("lofi", Kind.EPOCH, 2, 3, 1.6, null));

    TrainingCurve curve = TrainingCurve.fromMetrics("S-LoFi", "lofi", metrics);

    assertThat(curve.stage()).isEqualTo("lofi");
    assertThat(curve.loss()).containsExactly(new Point(1, 2.0), new Point(2, 1.7));
    assertThat(curve.validationMap()).containsExactly(new Point(1, 0.21));
  }

  @Test
  void aCurveNeedsLossesInStepOrder() {
    assertThatThrownBy(() -> new TrainingCurve("T-LoFi", "head", List.of(new Point(2, 1), new Point(1, 1)), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T-LoFi: loss must be in ascending order");
    assertThatThrownBy(() -> new TrainingCurve("T-LoFi", "head", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrainingCurve("T-LoFi", " ", flat(1), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T-LoFi: a training curve needs its stage");
  }

  private static TrainerMetric metric(String stage, Kind kind, int epoch, long step, Double loss, Double map) {
    return new TrainerMetric("run-1", stage, kind, epoch, step, null, loss, 0.01, null, null, map, null, null, null,
        null, Instant.EPOCH);
  }
}
