package dev.lofi.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingFootageTest {

  @Test
  void onlyAnnotatedTrainingVideosAreFootage() {
    TrainingFootage footage = TrainingFootage.of(
        Map.of("t", video("t", "training", "run"), "v", video("v", "validation", "run"),
            "bare", video("bare", "training", "run")),
        Map.of("t", truth("t", 2), "v", truth("v", 2)));

    assertThat(footage.revisions()).containsOnlyKeys("t");
  }

  @Test
  void aRevisionChangesWithTheIngestRunOrTheGroundTruthAndNothingElse() {
    String revision = TrainingFootage.revision(video("t", "training", "run"), truth("t", 2));

    assertThat(TrainingFootage.revision(video("t", "training", "run"), truth("t", 2))).isEqualTo(revision);
    assertThat(TrainingFootage.revision(video("t", "training", "run-2"), truth("t", 2))).isNotEqualTo(revision);
    assertThat(TrainingFootage.revision(video("t", "training", "run"), truth("t", 3))).isNotEqualTo(revision);
  }

  @Test
  void unknownFootageIsWhatNoKnownFootageHasAtTheSameRevision() {
    TrainingFootage now = new TrainingFootage(Map.of("a", "r:1", "b", "r:2", "c", "r:3"));
    TrainingFootage serving = new TrainingFootage(Map.of("a", "r:1", "b", "r:old"));
    TrainingFootage refused = new TrainingFootage(Map.of("b", "r:2"));

    assertThat(now.unknownTo(List.of(serving)).revisions()).containsOnlyKeys("b", "c");
    assertThat(now.unknownTo(List.of(serving, refused)).revisions()).containsOnlyKeys("c");
  }

  private static VideoMetadata video(String id, String subset, String run) {
    return new VideoMetadata(id, "camera", 10, 15, 64, 48, 150, subset,
        new IngestProvenance(run, "0".repeat(64), "cpu", Map.of("full", 8), Instant.EPOCH));
  }

  private static VideoAnnotations truth(String id, double start) {
    return new VideoAnnotations(id, "training", 10, List.of(new GroundTruthSegment("walk", start, 5)));
  }
}
