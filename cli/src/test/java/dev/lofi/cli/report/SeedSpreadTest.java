package dev.lofi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.cli.report.ConfigurationResult.Trained;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSpreadTest {

  @Test
  void spreadIsTheSampleStandardDeviation() {
    SeedSpread spread = SeedSpread.of(List.of(1.0, 2.0, 3.0, 4.0));

    assertThat(spread.mean()).isEqualTo(2.5);
    // sqrt(5 / 3), not the population's sqrt(5 / 4)
    assertThat(spread.standardDeviation().getAsDouble()).isCloseTo(1.2909944487, within(1e-9));
    assertThat(spread.seeds()).isEqualTo(4);
  }

  @Test
  void oneSeedHasNoSpread() {
    SeedSpread spread = SeedSpread.of(List.of(0.345));

    assertThat(spread.mean()).isEqualTo(0.345);
    assertThat(spread.standardDeviation()).isEmpty();
  }

  @Test
  void aConfigurationAggregatesItsSeeds() {
    Trained trained = new Trained("C-LoFi", List.of(
        new SeedRun(1, new MapScores(List.of(0.5, 0.75), List.of(0.5, 0.3)), 100, 60),
        new SeedRun(2, new MapScores(List.of(0.5, 0.75), List.of(0.7, 0.1)), 300, 80)));

    assertThat(trained.averageMap().mean()).isCloseTo(0.4, within(1e-12));
    assertThat(trained.averageMap().standardDeviation().getAsDouble()).isCloseTo(0, within(1e-12));
    assertThat(trained.mapAt(0.5).orElseThrow().mean()).isCloseTo(0.6, within(1e-12));
    assertThat(trained.mapAt(0.95)).isEmpty();
    assertThat(trained.stepBytes()).as("the highest peak of any seed").isEqualTo(300);
    assertThat(trained.trainSeconds().mean()).isEqualTo(70);
  }

  @Test
  void seedsEvaluatedAtDifferentThresholdsAreNotAveraged() {
    assertThatThrownBy(() -> new Trained("S-LoFi", List.of(
        new SeedRun(1, new MapScores(List.of(0.5, 0.75), List.of(0.5, 0.3)), 100, 60),
        new SeedRun(2, new MapScores(List.of(0.3, 0.5), List.of(0.7, 0.1)), 100, 60))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("S-LoFi: seed 2 was evaluated at tIoU [0.3, 0.5]");
  }
}
