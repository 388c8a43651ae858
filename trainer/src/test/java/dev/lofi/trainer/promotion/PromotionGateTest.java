package dev.lofi.trainer.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.topics.record.ModelDecision.Decision;
import dev.lofi.trainer.SyntheticClips;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import dev.lofi.trainer.stage.JointTraining;
import dev.lofi.trainer.stage.JointTrainingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gate on a real broker: candidates and the serving checkpoint scored on the same validation videos. */
class PromotionGateTest {

  private static final String TAG = UUID.randomUUID().toString().substring(0, 6);
  private static final String FULL = "g" + TAG;
  private static String bootstrap;
  private static Checkpoint trained;

  @BeforeAll
  static void trainAServingModel() {
    bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    SyntheticClips.publish(bootstrap, "gt" + TAG + "_", 4, 2, Map.of(FULL, new int[] {8, 32}), "training");
    SyntheticClips.publish(bootstrap, "gv" + TAG + "_", 2, 2, Map.of(FULL, new int[] {8, 32}), "validation");
    String model = "trained-" + TAG;
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, model, StageListener.NONE)) {
      new JointTraining(bootstrap, JointTrainingSettings.builder(model).optFidelities(List.of(FULL)).optEpochs(2)
          .optBatchSize(2).optLearningRate(0.05f).optValidationFidelity(null).build(), metrics)
          .run(TinyNetworks.anchorFree(SyntheticClips.LABELS.size()), SyntheticClips.LABELS);
    }
    trained = new CheckpointStore(bootstrap).latest(model).orElseThrow();
  }

  @Test
  void theFirstCandidateServesAndOneScoringTheSameIsPromotedWithBothScoresOnTheTopic() {
    ServingModel serving = new ServingModel(bootstrap, "first-" + TAG);
    PromotionGate gate = new PromotionGate(bootstrap, serving, FULL, 0);
    CheckpointStore store = new CheckpointStore(bootstrap);

    ModelDecision first = gate.decide(trained);
    Checkpoint candidate = new Checkpoint(store.republish(trained, ServingModel.candidateOf(serving.model())),
        trained.parameters());
    ModelDecision second = gate.decide(candidate);

    assertThat(first.decision()).isEqualTo(Decision.PROMOTED);
    assertThat(first.serving()).isNull();
    assertThat(first.servingScore()).isNull();
    assertThat(second.decision()).isEqualTo(Decision.PROMOTED);
    assertThat(second.candidateScore()).isEqualTo(second.servingScore()).isEqualTo(first.candidateScore());
    assertThat(second.serving()).isEqualTo(serving.model() + "@" + trained.manifest().version());
    assertThat(new ModelDecisions(bootstrap).history(serving.model())).containsExactly(first, second);
    assertThat(serving.current().orElseThrow().parameters()).isEqualTo(trained.parameters());
  }

  @Test
  void aCandidateWhoseClassesNoValidationVideoHoldsScoresNothingAndIsDecidedOnTheScores() {
    ServingModel serving = new ServingModel(bootstrap, "renamed-" + TAG);
    PromotionGate gate = new PromotionGate(bootstrap, serving, FULL, 0);
    gate.decide(trained);
    Checkpoint renamed = withLabels(trained, ServingModel.candidateOf(serving.model()), List.of("blue", "yellow"));

    ModelDecision decision = gate.decide(renamed);

    assertThat(decision.candidateScore()).isZero();
    if (decision.servingScore() > 0) {
      assertThat(decision.decision()).isEqualTo(Decision.REFUSED);
      assertThat(decision.reason()).contains("worse beyond the tolerance");
      assertThat(serving.current().orElseThrow().manifest().version()).isEqualTo(trained.manifest().version());
    } else {
      assertThat(decision.decision()).isEqualTo(Decision.PROMOTED);
    }
  }

  @Test
  void withoutValidationVideosTheGateRefusesToDecide() {
    ServingModel serving = new ServingModel(bootstrap, "blind-" + TAG);
    PromotionGate gate = new PromotionGate(bootstrap, serving, "unseen" + TAG, PromotionGate.DEFAULT_TOLERANCE);

    assertThatThrownBy(() -> gate.decide(trained)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no annotated validation video at fidelity 'unseen" + TAG + "'");
    assertThat(serving.current()).isEmpty();
  }

  @Test
  void byHandACandidateIsPromotedAndAnEarlierCheckpointRolledBackToEachWithItsDecision() {
    ServingModel serving = new ServingModel(bootstrap, "hand-" + TAG);
    CheckpointStore store = new CheckpointStore(bootstrap);
    CheckpointManifest v1 = store.republish(trained, serving.model());
    Checkpoint other = withLabels(trained, ServingModel.candidateOf(serving.model()), List.of("a", "b"));

    ModelDecision promoted = serving.promote(other.manifest().version(), "by hand");
    ModelDecision rolledBack = serving.rollback(v1.version(), "the new one misses actions");

    assertThat(promoted.decision()).isEqualTo(Decision.PROMOTED);
    assertThat(promoted.serving()).isEqualTo(serving.model() + "@" + v1.version());
    assertThat(rolledBack.decision()).isEqualTo(Decision.ROLLED_BACK);
    assertThat(rolledBack.serving()).isEqualTo(serving.model() + "@" + other.manifest().version());
    assertThat(serving.current().orElseThrow().manifest().version()).isEqualTo(v1.version());
    assertThat(new ModelDecisions(bootstrap).history(serving.model())).containsExactly(promoted, rolledBack);
    assertThatThrownBy(() -> serving.rollback(v1.version(), "again")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serves already");
    assertThatThrownBy(() -> serving.rollback("never", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kept: [");
  }

  /** {@code source}'s parameters under {@code model}, their classes renamed. */
  private static Checkpoint withLabels(Checkpoint source, String model, List<String> labels) {
    CheckpointManifest m = source.manifest();
    CheckpointConfig config = CheckpointConfig.of(m);
    CheckpointManifest manifest = CheckpointChunker.manifest(model, "relabelled-" + String.join("-", labels),
        m.stage(), m.epoch(), m.step(), new CheckpointConfig(config.network(), labels, config.fidelities()).toMap(),
        m.metrics(), source.parameters(), CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.now());
    new CheckpointStore(bootstrap).publish(manifest, source.parameters());
    return new Checkpoint(manifest, source.parameters());
  }
}
