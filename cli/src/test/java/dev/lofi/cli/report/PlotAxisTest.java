package dev.lofi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotAxisTest {

  @Test
  void aRoundedAxisWidensToRoundTicksAroundTheData() {
    PlotAxis axis = PlotAxis.rounded(0.37, 2.61, 6, false, 0, 600);

    assertThat(axis.ticks()).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0);
    assertThat(axis.ticks().stream().map(axis::label).toList())
        .containsExactly("0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0");
    assertThat(axis.pixel(0)).isEqualTo(0);
    assertThat(axis.pixel(3)).isEqualTo(600);
  }

  @Test
  void tickLabelsCarryNoBinaryNoise() {
    PlotAxis axis = PlotAxis.rounded(0.1, 0.7, 6, false, 0, 600);

    assertThat(axis.ticks().stream().map(axis::label).toList())
        .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7");
  }

  @Test
  void anExactAxisKeepsItsEndsAndTicksInside() {
    PlotAxis axis = PlotAxis.exact(0, 39.6, 10, 100, 900);

    assertThat(axis.ticks()).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0);
    assertThat(axis.pixel(39.6)).isEqualTo(900);
  }

  @Test
  void aWholeAxisTicksOnlyWholeNumbers() {
    PlotAxis epochs = PlotAxis.rounded(1, 3, 5, true, 0, 100);

    assertThat(epochs.ticks()).containsExactly(1.0, 2.0, 3.0);
    assertThat(epochs.label(2.0)).isEqualTo("2");
  }

  @Test
  void aFlatSeriesStillGetsAnAxisAroundIt() {
    PlotAxis axis = PlotAxis.rounded(0.5, 0.5, 5, false, 400, 0);

    assertThat(axis.ticks()).hasSizeGreaterThan(1);
    assertThat(axis.pixel(0.5)).isBetween(0.0, 400.0);
    assertThat(List.of(axis.pixel(axis.ticks().get(0)), axis.pixel(axis.ticks().get(1))))
        .as("a vertical axis grows upwards").isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }
}
