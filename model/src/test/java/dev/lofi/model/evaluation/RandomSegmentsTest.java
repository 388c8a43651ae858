package dev.lofi.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RandomSegmentsTest {

  private static final List<ActionInstance> EXAMPLES = List.of(new ActionInstance("jump", 1, 3),
      new ActionInstance("jump", 10, 12), new ActionInstance("spin", 4, 10));

  @Test
  void guessesCopyTheExamplesLabelsAndLengthsAndStayInsideTheirVideo() {
    Map<String, List<Prediction>> drawn = new RandomSegments(EXAMPLES).draw(new TreeMap<>(Map.of("a", 30.0, "b", 5.0)),
        Map.of("a", 400, "b", 50), new SplittableRandom(7));

    assertThat(drawn.get("a")).hasSize(400).allSatisfy(p -> {
      assertThat(p.start()).isBetween(0.0, 30.0);
      assertThat(p.end()).isLessThanOrEqualTo(30.0);
      assertThat(p.end() - p.start()).isCloseTo(p.label().equals("jump") ? 2 : 6, offset(1e-9));
    });
    // Two of the three examples are jumps: about two thirds of the guesses.
    Map<String, Long> labels = drawn.get("a").stream().collect(Collectors.groupingBy(Prediction::label,
        Collectors.counting()));
    assertThat(labels.get("jump")).isBetween(230L, 300L);
    // A 6 s example in a 5 s video is cut to the video.
    assertThat(drawn.get("b")).hasSize(50).allSatisfy(p -> assertThat(p.end()).isLessThanOrEqualTo(5.0));
    assertThat(drawn.get("b")).anySatisfy(p -> assertThat(p.end() - p.start()).isEqualTo(5.0));
  }

  @Test
  void aVideoWithoutACountGetsNoGuesses() {
    Map<String, List<Prediction>> drawn = new RandomSegments(EXAMPLES).draw(Map.of("a", 30.0), Map.of(),
        new SplittableRandom(1));

    assertThat(drawn).containsEntry("a", List.of());
  }

  @Test
  void theSameSeedGivesTheSameChanceLevelAndGuessesScoreFarBelowTheTruth() {
    Map<String, List<ActionInstance>> truth = Map.of("a", List.of(new ActionInstance("jump", 3, 5),
        new ActionInstance("spin", 12, 18)), "b", List.of(new ActionInstance("jump", 20, 22)));
    DetectionEvaluation evaluation = new DetectionEvaluation(truth, TiouThresholds.ACTIVITYNET);
    RandomSegments random = new RandomSegments(EXAMPLES);
    // Videos in a fixed order: draws are taken video by video.
    Map<String, Double> durations = new TreeMap<>(Map.of("a", 30.0, "b", 30.0));
    Map<String, Integer> counts = Map.of("a", 20, "b", 20);

    List<DetectionMetrics> draws = random.evaluate(evaluation, durations, counts, 10, 3);
    List<Double> maps = draws.stream().map(DetectionMetrics::averageMAP).toList();

    assertThat(maps).hasSize(10).isEqualTo(random.evaluate(evaluation, durations, counts, 10, 3).stream()
        .map(DetectionMetrics::averageMAP).toList());
    assertThat(draws).allSatisfy(draw -> assertThat(draw.mAP()).hasSize(10));
    assertThat(maps).allMatch(map -> map >= 0 && map < 1);
    assertThat(maps.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isLessThan(0.25);
    assertThat(maps.stream().distinct().count()).as("draws differ").isGreaterThan(1);
  }

  @Test
  void noExampleIsRefused() {
    assertThatThrownBy(() -> new RandomSegments(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one example");
  }
}
