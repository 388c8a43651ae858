package dev.lofi.cli;

import static dev.lofi.cli.LofiCommandTest.lofi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.cli.LofiCommandTest.Run;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.ModelDecision.Decision;
import dev.lofi.trainer.promotion.ModelDecisions;
import dev.lofi.trainer.promotion.ServingModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code lofi model} on a real broker: what serves changes by hand only with a decision record. */
class ModelCommandTest {

  private final String model = "served-" + UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aCandidatePromotedAndARollbackEachServeAndListShowsTheServingOneAndTheDecisions() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    publish(bootstrap, model, "v1");
    publish(bootstrap, ServingModel.candidateOf(model), "c1");

    Run promoted = lofi("model", "promote", "--model", model, "--version", "c1", "--bootstrap", bootstrap);
    String servingAfterPromotion = new CheckpointStore(bootstrap).latestManifests().get(model).version();
    Run rolledBack = lofi("model", "rollback", "--model", model, "--version", "v1", "--reason", "misses actions",
        "--bootstrap", bootstrap);
    Run listed = lofi("model", "list", "--model", model, "--bootstrap", bootstrap);

    assertThat(promoted.exitCode()).as(promoted.err()).isZero();
    assertThat(promoted.out()).contains("promoted " + ServingModel.candidateOf(model) + "@c1 (serving was " + model
        + "@v1)");
    assertThat(servingAfterPromotion).isEqualTo("c1");
    assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
    assertThat(rolledBack.out()).contains("rolled_back " + model + "@v1 (serving was " + model + "@c1): misses actions");
    assertThat(new CheckpointStore(bootstrap).latestManifests().get(model).version()).isEqualTo("v1");
    assertThat(new ModelDecisions(bootstrap).history(model)).extracting(d -> d.decision())
        .containsExactly(Decision.PROMOTED, Decision.ROLLED_BACK);
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("  * v1", "    c1", "decisions (2, latest last):");
  }

  @Test
  void aTrainingRunByHandIntoAModelTheGateDecidesOnSaysItBypassesTheGate() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    publish(bootstrap, ServingModel.candidateOf(model), "c1");
    assertThat(lofi("model", "promote", "--model", model, "--version", "c1", "--bootstrap", bootstrap).exitCode())
        .isZero();

    Run byHand = lofi("train", "--stage", "head", "--model", model, "--bootstrap", bootstrap);

    assertThat(byHand.out()).contains("note: " + model + " has 1 gate decision on lofi.model.decisions, but this run "
        + "publishes straight into it");
  }

  @Test
  void rollingBackToAVersionTheModelDoesNotKeepIsBadUsageNamingWhatIsKept() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    publish(bootstrap, model, "v1");

    Run run = lofi("model", "rollback", "--model", model, "--version", "v0", "--bootstrap", bootstrap);

    assertThat(run.exitCode()).isEqualTo(Lofi.BAD_USAGE);
    assertThat(run.err()).contains("no checkpoint v0 of " + model + " to roll back to; kept: [v1]");
    assertThat(new ModelDecisions(bootstrap).history(model)).isEmpty();
  }

  private static void publish(String bootstrap, String model, String version) {
    byte[] parameters = (model + version).getBytes(StandardCharsets.UTF_8);
    CheckpointManifest manifest = CheckpointChunker.manifest(model, version, "head", 0, 1, Map.of(), Map.of(),
        parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.now());
    new CheckpointStore(bootstrap).publish(manifest, parameters);
  }
}
