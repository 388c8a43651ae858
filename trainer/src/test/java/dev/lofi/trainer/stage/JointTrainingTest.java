package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.SyntheticClips;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lofi stage on tiny videos from a real broker. */
class JointTrainingTest {

  private final String tag = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void cyclingLowFidelitiesTheLossFallsAndTheStageEndsOnItsBestValidationEpoch() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String spatial = "s" + tag;
    String temporal = "t" + tag;
    String full = "f" + tag;
    SyntheticClips.publish(bootstrap, "v" + tag + "_", 6, 2, Map.of(spatial, new int[] {8, 16}, temporal,
        new int[] {4, 32}), "training");
    SyntheticClips.publish(bootstrap, "w" + tag + "_", 2, 2, Map.of(full, new int[] {8, 32}), "validation");
    NetworkConfig network = TinyNetworks.anchorFree(SyntheticClips.LABELS.size());
    JointTrainingSettings settings = JointTrainingSettings.builder("joint-" + tag)
        .optFidelities(List.of(spatial, temporal)).optEpochs(6).optBatchSize(2).optLearningRate(0.05f)
        .optValidationFidelity(full).build();
    List<TrainerMetric> metrics = new ArrayList<>();
    List<TrainerMetric> epochs = new ArrayList<>();
    JointTraining.Result result;
    try (MetricsPublisher publisher = new MetricsPublisher(bootstrap, "joint-" + tag, new StageListener() {
      @Override
      public void stepFinished(TrainerMetric metric) {
        metrics.add(metric);
      }

      @Override
      public void epochFinished(TrainerMetric metric) {
        epochs.add(metric);
      }
    })) {
      result = new JointTraining(bootstrap, settings, publisher)
          .run(network, JointTraining.labels(bootstrap, List.of(spatial)));
    }

    assertThat(result.steps()).isEqualTo(6 * 3);
    // Long cycle: even epochs are spatial, odd ones temporal; compare a pair of each with a pair of each.
    List<Double> losses = result.epochLosses();
    assertThat(losses.get(4) + losses.get(5)).as("epoch losses %s", losses).isLessThan(losses.get(0) + losses.get(1));
    assertThat(metrics).extracting(TrainerMetric::fidelity)
        .startsWith(spatial, spatial, spatial, temporal, temporal, temporal);
    // Measured on every step; a tiny step may fit in memory the allocator already holds (0 bytes above).
    assertThat(metrics).allMatch(m -> m.peakBytes() != null && m.peakBytes() >= 0 && m.stepSeconds() > 0);
    assertThat(result.checkpoint().config()).containsEntry("labels", SyntheticClips.LABELS);
    // Validated on the two full-fidelity validation videos after every epoch.
    assertThat(result.epochMaps()).hasSize(6).allMatch(map -> map >= 0 && map <= 1);
    assertThat(epochs).extracting(TrainerMetric::averageMap).containsExactlyElementsOf(result.epochMaps());
    int best = BestEpochTest.lastIndexOfMax(result.epochMaps());
    assertThat(result.checkpoint().epoch()).as("validation mAPs %s", result.epochMaps()).isEqualTo(best);
    assertThat(result.checkpoint().metrics()).containsEntry("average_map", result.epochMaps().get(best))
        .containsKeys("map@0.50", "map@0.95");
    assertThat(new CheckpointStore(bootstrap).latestManifests().get("joint-" + tag).version())
        .isEqualTo(result.checkpoint().version());
  }

  @Test
  void aRunKilledMidEpochAndResumedSeesAsManyStepsAsAnUnbrokenOne() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String fidelity = "r" + tag;
    SyntheticClips.publish(bootstrap, "k" + tag + "_", 6, 2, Map.of(fidelity, new int[] {4, 16}), "training");
    NetworkConfig network = TinyNetworks.anchorFree(SyntheticClips.LABELS.size());
    // Without validation the stage ends on its last epoch, whatever the scores.
    JointTrainingSettings settings = JointTrainingSettings.builder("resume-" + tag).optFidelities(List.of(fidelity))
        .optEpochs(3).optBatchSize(2).optLearningRate(0.05f).optValidationFidelity(null).build();
    List<String> labels = JointTraining.labels(bootstrap, List.of(fidelity));

    // Killed at the second batch of the second epoch: the last checkpoint closed the first epoch.
    try (MetricsPublisher publisher = new MetricsPublisher(bootstrap, "resume-" + tag, new StageListener() {
      @Override
      public void stepFinished(TrainerMetric metric) {
        if (metric.step() == 5) {
          throw new IllegalStateException("killed");
        }
      }
    })) {
      assertThatThrownBy(() -> new JointTraining(bootstrap, settings, publisher).run(network, labels))
          .hasMessage("killed");
    }
    assertThat(new CheckpointStore(bootstrap).latestManifests().get("resume-" + tag).step()).isEqualTo(3);

    JointTraining.Result resumed;
    try (MetricsPublisher publisher = new MetricsPublisher(bootstrap, "resume-" + tag, StageListener.NONE)) {
      resumed = new JointTraining(bootstrap, settings, publisher).resume(network, labels);
    }

    // An unbroken run: 3 epochs of 3 batches.
    assertThat(resumed.steps()).isEqualTo(9);
    assertThat(resumed.epochLosses()).hasSize(2);
    assertThat(resumed.checkpoint().epoch()).isEqualTo(2);
  }
}
