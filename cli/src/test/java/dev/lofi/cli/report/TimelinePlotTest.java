package dev.lofi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.segment.Detection;
import dev.lofi.topics.record.GroundTruthSegment;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimelinePlotTest {

  static final List<String> LABELS = List.of("juggling", "waving", "clapping");

  static VideoTimeline video(List<Detection> detections) {
    return new VideoTimeline("synth_0007", 40, LABELS,
        List.of(new GroundTruthSegment("waving", 10, 20), new GroundTruthSegment("clapping", 30, 36)), detections);
  }

  private final TimelinePlot plot = new TimelinePlot();

  @Test
  void aGroundTruthActionIsABarOfItsClassColourInTheTopLane() {
    VideoTimeline video = video(List.of());
    BufferedImage image = plot.render(video);
    TimelinePlot.Layout layout = plot.layout(video);
    // Just inside the bar's top edge, above the label written in it.
    double y = layout.groundTruthLane().getMinY() + 5;
    Color waving = PlotCanvas.colour(layout.classes().indexOf("waving"));
    Color clapping = PlotCanvas.colour(layout.classes().indexOf("clapping"));

    assertThat(waving).isNotEqualTo(clapping);
    assertThat(Pixels.at(image, layout.time().pixel(15), y)).isEqualTo(waving);
    assertThat(Pixels.at(image, layout.time().pixel(19.5), y)).isEqualTo(waving);
    assertThat(Pixels.at(image, layout.time().pixel(33), y)).isEqualTo(clapping);
  }

  @Test
  void whereNoActionIsTheLaneStaysBlank() {
    VideoTimeline video = video(List.of());
    BufferedImage image = plot.render(video);
    TimelinePlot.Layout layout = plot.layout(video);
    double y = layout.groundTruthLane().getCenterY();

    // Between grid lines (ticks every 5 s), away from both actions.
    assertThat(Pixels.at(image, layout.time().pixel(2.5), y)).isEqualTo(TimelinePlot.LANE);
    assertThat(Pixels.at(image, layout.time().pixel(27.5), y)).isEqualTo(TimelinePlot.LANE);
    assertThat(Pixels.at(image, layout.time().pixel(27.5), layout.rows().get(0).getCenterY()))
        .isEqualTo(PlotCanvas.BACKGROUND);
  }

  @Test
  void theTimeAxisRunsFromZeroToTheVideosEndWithRoundTicks() {
    TimelinePlot.Layout layout = plot.layout(video(List.of()));

    assertThat(layout.time().ticks()).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0);
    assertThat(layout.time().pixel(0)).isEqualTo(layout.groundTruthLane().getMinX());
    assertThat(layout.time().pixel(40)).isEqualTo(layout.groundTruthLane().getMaxX());
    assertThat(layout.time().label(5.0)).isEqualTo("5");
  }

  @Test
  void detectionsAreTheBestFewOneRowEachBestFirstMoreOpaqueTheHigherTheirScore() {
    List<Detection> detections = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      detections.add(new Detection(0, 1, 2, 0.001 * i));
    }
    detections.add(new Detection(1, 10.5, 19.5, 0.9));
    detections.add(new Detection(2, 30, 36, 0.3));
    VideoTimeline video = video(detections);
    TimelinePlot small = new TimelinePlot(new TimelinePlot.Settings(1000, 5));
    BufferedImage image = small.render(video);
    TimelinePlot.Layout layout = small.layout(video);

    assertThat(layout.shown()).hasSize(5).first().isEqualTo(detections.get(30));
    assertThat(layout.shown().get(1)).isEqualTo(detections.get(31));
    assertThat(layout.rows()).hasSize(5);
    Color strong = Pixels.at(image, layout.time().pixel(18), layout.rows().get(0).getMinY() + 5);
    Color weak = Pixels.at(image, layout.time().pixel(35), layout.rows().get(1).getMinY() + 5);
    Color waving = PlotCanvas.colour(layout.classes().indexOf("waving"));
    Color clapping = PlotCanvas.colour(layout.classes().indexOf("clapping"));
    assertThat(strong).isEqualTo(TimelinePlot.opacity(waving, 0.9));
    assertThat(weak).isEqualTo(TimelinePlot.opacity(clapping, 0.3));
    assertThat(brightness(TimelinePlot.opacity(clapping, 0.3)))
        .isGreaterThan(brightness(TimelinePlot.opacity(clapping, 0.9)));
    assertThat(image.getHeight()).isEqualTo(layout.height());
  }

  @Test
  void aGroundTruthClassTheModelDoesNotKnowGetsAColourOfItsOwn() {
    VideoTimeline video = new VideoTimeline("v", 10, LABELS,
        List.of(new GroundTruthSegment("skating", 2, 8)), List.of(new Detection(0, 2, 8, 0.5)));
    BufferedImage image = plot.render(video);
    TimelinePlot.Layout layout = plot.layout(video);

    assertThat(video.classes()).containsExactly("juggling", "waving", "clapping", "skating");
    assertThat(layout.classes()).as("only the classes in this video").containsExactly("juggling", "skating");
    assertThat(Pixels.at(image, layout.time().pixel(7), layout.groundTruthLane().getMinY() + 5))
        .isEqualTo(PlotCanvas.colour(1));
  }

  @Test
  void classesAreColouredByTheirPlaceInThisVideoSoTenNeverShareAColour() {
    List<String> many = IntStream.range(0, 30).mapToObj(i -> "class" + i).toList();
    VideoTimeline video = new VideoTimeline("v", 10, many, List.of(new GroundTruthSegment("class3", 1, 2)),
        IntStream.range(0, 9).mapToObj(i -> new Detection(10 + i, 1, 2, 0.5)).toList());
    TimelinePlot.Layout layout = plot.layout(video);

    assertThat(layout.classes()).hasSize(10).startsWith("class3", "class10");
    assertThat(IntStream.range(0, 10).mapToObj(PlotCanvas::colour).distinct()).hasSize(10);
  }

  @Test
  void aDetectionOfAnUnknownLabelIsRefused() {
    assertThatThrownBy(() -> video(List.of(new Detection(3, 1, 2, 0.5))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 3 is not one of the 3 labels");
  }

  private static double brightness(Color c) {
    return c.getRed() + c.getGreen() + c.getBlue();
  }
}
