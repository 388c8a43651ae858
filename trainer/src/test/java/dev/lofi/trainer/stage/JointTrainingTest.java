package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.SyntheticClips;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lofi stage on tiny videos from a real broker. */
class JointTrainingTest {

  private final String tag = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void cyclingLowFidelitiesTheLossFallsAndEachEpochLeavesACheckpoint() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String spatial = "s" + tag;
    String temporal = "t" + tag;
    SyntheticClips.publish(bootstrap, "v" + tag + "_", 6, 2, Map.of(spatial, new int[] {8, 16}, temporal,
        new int[] {4, 32}), "training");
    NetworkConfig network = NetworkConfig.of(18, 0.125f, 2, 2, SyntheticClips.LABELS.size(),
        Map.of("embedDim", "16", "levels", "2", "headLayers", "1"));
    JointTrainingSettings settings = new JointTrainingSettings("joint-" + tag, List.of(spatial, temporal),
        Cycle.LONG, 16, 6, 2, 0.05f, 1, 0, network);
    List<TrainerMetric> metrics = new ArrayList<>();
    JointTraining.Result result;
    try (MetricsPublisher publisher = new MetricsPublisher(bootstrap, "joint-" + tag, new TrainingListener() {
      @Override
      public void stepFinished(TrainerMetric metric) {
        metrics.add(metric);
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
    assertThat(new CheckpointStore(bootstrap).latestManifests().get("joint-" + tag).epoch()).isEqualTo(5);
    assertThat(result.checkpoint().config()).containsEntry("labels", SyntheticClips.LABELS);
  }

  @Test
  void aRunKilledMidEpochAndResumedSeesAsManyStepsAsAnUnbrokenOne() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String fidelity = "r" + tag;
    SyntheticClips.publish(bootstrap, "k" + tag + "_", 6, 2, Map.of(fidelity, new int[] {4, 16}), "training");
    NetworkConfig network = NetworkConfig.of(18, 0.125f, 2, 2, SyntheticClips.LABELS.size(),
        Map.of("embedDim", "16", "levels", "2", "headLayers", "1"));
    JointTrainingSettings settings = new JointTrainingSettings("resume-" + tag, List.of(fidelity), Cycle.LONG, 16, 3,
        2, 0.05f, 1, 0, network);
    List<String> labels = JointTraining.labels(bootstrap, List.of(fidelity));

    // Killed at the second batch of the second epoch: the last checkpoint closed the first epoch.
    try (MetricsPublisher publisher = new MetricsPublisher(bootstrap, "resume-" + tag, new TrainingListener() {
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
    try (MetricsPublisher publisher = new MetricsPublisher(bootstrap, "resume-" + tag, TrainingListener.NONE)) {
      resumed = new JointTraining(bootstrap, settings, publisher).resume(network, labels);
    }

    // An unbroken run: 3 epochs of 3 batches.
    assertThat(resumed.steps()).isEqualTo(9);
    assertThat(resumed.epochLosses()).hasSize(2);
    assertThat(resumed.checkpoint().epoch()).isEqualTo(2);
  }
}
