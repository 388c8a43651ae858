package dev.lofi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MapScoresTest {

  @Test
  void findsAThresholdThatLinspaceMadeSlightlyOff() {
    MapScores scores = new MapScores(List.of(0.5, 0.7500000000000001, 0.95), List.of(0.6, 0.4, 0.1));

    assertThat(scores.at(0.75)).hasValue(0.4);
    assertThat(scores.at(0.95)).hasValue(0.1);
  }

  @Test
  void aThresholdNotEvaluatedIsAbsentEvenWhenANeighbourIsClose() {
    MapScores scores = new MapScores(List.of(0.5, 0.55), List.of(0.6, 0.5));

    assertThat(scores.at(0.75)).isEmpty();
    assertThat(scores.at(0.5 + 1e-6)).isEmpty();
  }

  @Test
  void averageIsTheMeanOverAllThresholds() {
    assertThat(new MapScores(List.of(0.5, 0.75, 0.95), List.of(0.6, 0.3, 0.0)).average()).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void rejectsMismatchedLengthsUnorderedThresholdsAndPercentages() {
    assertThatThrownBy(() -> new MapScores(List.of(0.5, 0.75), List.of(0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 thresholds and 1 mAPs");
    assertThatThrownBy(() -> new MapScores(List.of(0.75, 0.5), List.of(0.5, 0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascend");
    assertThatThrownBy(() -> new MapScores(List.of(0.5), List.of(34.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1], got 34.5");
  }

  @Test
  void thresholdsWithinToleranceAreTheSame() {
    MapScores a = new MapScores(List.of(0.5, 0.75), List.of(0.5, 0.2));

    assertThat(a.sameThresholds(new MapScores(List.of(0.5, 0.7500000000000001), List.of(0.1, 0.1)))).isTrue();
    assertThat(a.sameThresholds(new MapScores(List.of(0.5, 0.7), List.of(0.1, 0.1)))).isFalse();
    assertThat(a.sameThresholds(new MapScores(List.of(0.5), List.of(0.1)))).isFalse();
  }
}
