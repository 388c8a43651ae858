package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.trainer.SyntheticClips;
import dev.lofi.trainer.data.SnippetAugmentation;
import dev.lofi.trainer.data.TrainingSet;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pretrain stage of a data set without trimmed clips: it learns from the training videos' segments. */
class PretrainingFromSegmentsTest {

  private static final NetworkConfig NETWORK = TinyNetworks.anchorFree(2);
  private static final String TAG = UUID.randomUUID().toString().substring(0, 6);
  private static final String FULL = "full" + TAG;
  private static final String MODEL = "segments-" + TAG;
  private static final int EPOCHS = 6;

  private static String bootstrap;
  private static Pretraining.Result result;

  @BeforeAll
  static void pretrainWithoutTrimmedClips() {
    bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    // Each video: one lit action of 4-7 s within 16 s, dark noise around it; 8 snippets of 2 s.
    SyntheticClips.publish(bootstrap, "s" + TAG + "_", 8, 2, Map.of(FULL, new int[] {8, 32}), TrainingSet.TRAINING);
    SyntheticClips.publish(bootstrap, "w" + TAG + "_", 4, 2, Map.of(FULL, new int[] {8, 32}), TrainingSet.VALIDATION);
    PretrainingSettings settings = PretrainingSettings.builder(MODEL).optFidelity("t" + TAG).optEpochs(EPOCHS)
        .optBatchSize(2).optLearningRate(0.003f).optSegmentFidelity(FULL).optAugmentation(SnippetAugmentation.NONE)
        .build();
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, MODEL, StageListener.NONE)) {
      result = new Pretraining(bootstrap, settings, metrics).run(NETWORK);
    }
  }

  @Test
  void theSourceIsTheTrainingVideosSegmentsAndSaysSo() {
    assertThat(result.source()).contains("clips cut from the segments of 8 'training' videos at fidelity " + FULL)
        .contains("8 actions, 4 background");
    assertThat(result.classes()).containsExactly(Pretraining.BACKGROUND, "green", "red");
    assertThat(result.labels()).isEqualTo(SyntheticClips.LABELS);
  }

  @Test
  void theSegmentsAreLearntAboveChanceAndTheBestValidationEpochIsKept() {
    List<Double> accuracies = result.epochAccuracies();
    List<Double> validation = result.epochValidationAccuracies();
    System.out.printf("segment pre-training: losses %s, accuracies %s, validation %s%n", result.epochLosses(),
        accuracies, validation);
    assertThat(result.epochLosses().get(EPOCHS - 1)).as("losses %s", result.epochLosses())
        .isLessThan(result.epochLosses().get(0));
    // Three classes: chance is a third. Twelve clips in batches of two make the accuracy of any one
    // epoch swing by a clip or two (0.83 then 0.5 in one run), so the claim is on the peak and on
    // the later epochs' mean, not on the last epoch alone.
    assertThat(accuracies.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
        .as("accuracies %s", accuracies).isGreaterThan(0.5);
    assertThat(accuracies.subList(EPOCHS / 2, EPOCHS).stream().mapToDouble(Double::doubleValue).average()
        .orElseThrow()).as("accuracies %s", accuracies).isGreaterThan(1.0 / 3);
    assertThat(validation).hasSize(EPOCHS);
    int best = BestEpochTest.lastIndexOfMax(validation);
    assertThat(validation.get(best)).as("validation accuracies %s", validation).isGreaterThan(0.5);
    assertThat(result.checkpoint().epoch()).isEqualTo(best);
    assertThat(result.checkpoint().metrics()).containsEntry("validation_accuracy", validation.get(best));
    assertThat(Pretraining.latestCheckpoint(bootstrap, MODEL).orElseThrow().manifest().version())
        .isEqualTo(result.checkpoint().version());
  }

  @Test
  void itsCheckpointIsANetworkForTheLocalizationLabelsAtTheSegmentsFidelity() {
    Checkpoint checkpoint = Pretraining.latestCheckpoint(bootstrap, MODEL).orElseThrow();
    assertThat(checkpoint.manifest().config()).containsEntry("labels", SyntheticClips.LABELS)
        .containsEntry("fidelities", List.of(FULL));
  }
}
