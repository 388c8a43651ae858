package dev.lofi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChanceLevelTest {

  private static final List<Double> TIOU = List.of(0.5, 0.75);

  @Test
  void theLevelIsTheDrawsMeanAndTheirHighestAtBothMeasures() {
    ChanceLevel level = ChanceLevel.of(List.of(new MapScores(TIOU, List.of(0.04, 0.0)),
        new MapScores(TIOU, List.of(0.02, 0.02)), new MapScores(TIOU, List.of(0.06, 0.01))));

    assertThat(level.draws()).isEqualTo(3);
    assertThat(level.averageMean()).isCloseTo(0.025, within(1e-12));
    assertThat(level.averageMax()).isCloseTo(0.035, within(1e-12));
    assertThat(level.atHalfMean()).isCloseTo(0.04, within(1e-12));
    assertThat(level.atHalfMax()).isCloseTo(0.06, within(1e-12));
  }

  @Test
  void noDrawsOrDrawsWithoutTiouHalfAreRefused() {
    assertThatThrownBy(() -> ChanceLevel.of(List.of())).hasMessageContaining("at least one draw");
    assertThatThrownBy(() -> ChanceLevel.of(List.of(new MapScores(List.of(0.75), List.of(0.1)))))
        .hasMessageContaining("tIoU 0.5");
  }
}
