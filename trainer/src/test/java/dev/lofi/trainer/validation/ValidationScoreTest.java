package dev.lofi.trainer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.segment.Detection;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationScoreTest {

  private static final List<String> LABELS = List.of("bounce", "spin");
  private static final List<VideoAnnotations> TRUTH = List.of(
      new VideoAnnotations("a", "validation", 30, List.of(new GroundTruthSegment("spin", 4, 10))),
      new VideoAnnotations("b", "validation", 30, List.of(new GroundTruthSegment("bounce", 12, 20))));

  @Test
  void theHeadsClassIndicesAreScoredByNameAgainstTheGroundTruth() {
    ValidationScore score = ValidationScore.of(TRUTH, LABELS).orElseThrow();

    DetectionMetrics exact = score.score(Map.of("a", List.of(new Detection(1, 4, 10, 0.9)),
        "b", List.of(new Detection(0, 12, 20, 0.8))));
    DetectionMetrics swapped = score.score(Map.of("a", List.of(new Detection(0, 4, 10, 0.9)),
        "b", List.of(new Detection(1, 12, 20, 0.8))));

    assertThat(exact.averageMAP()).isEqualTo(1.0);
    assertThat(swapped.averageMAP()).isZero();
  }

  @Test
  void checkpointMetricsCarryTheAverageAndEachThreshold() {
    DetectionMetrics metrics = ValidationScore.of(TRUTH, LABELS).orElseThrow()
        .score(Map.of("a", List.of(new Detection(1, 4, 12, 0.9))));

    Map<String, Double> values = ValidationScore.checkpointMetrics(metrics);

    assertThat(values).containsKeys("average_map", "map@0.50", "map@0.95").hasSize(11);
    assertThat(values.get("map@0.50")).isEqualTo(0.5);   // spin found at tIoU 0.75, bounce missed
    assertThat(values.get("map@0.95")).isZero();
  }

  @Test
  void validationVideosWithoutActionsGiveNoScore() {
    assertThat(ValidationScore.of(List.of(new VideoAnnotations("c", "validation", 30, List.of())), LABELS)).isEmpty();
  }
}
