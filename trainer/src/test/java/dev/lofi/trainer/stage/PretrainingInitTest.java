package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.CheckpointExport;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.trainer.data.SparseSnippets;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lofi train --init}: the pretrain stage taken from an exported network instead of trained. */
class PretrainingInitTest {

  private static final NetworkConfig SAVED = TinyNetworks.anchorFree(5);
  private static final NetworkConfig TRAINED_NEXT = TinyNetworks.anchorFree(1);
  private static final Shape INPUT = new Shape(1, 3, 2, 3, 32, 32);

  @TempDir
  Path dir;

  @Test
  void theExportedEncoderIsPublishedUnderAFreshHeadForTheLocalizationLabels() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String model = "init-" + UUID.randomUUID().toString().substring(0, 6);
    try (NDManager manager = NDManager.newBaseManager()) {
      LocalizationNetwork saved = export(manager, SAVED);

      CheckpointManifest published = pretraining(bootstrap, model)
          .startFrom(dir, TRAINED_NEXT, List.of("bounce", "spin"));

      Checkpoint checkpoint = Pretraining.latestCheckpoint(bootstrap, model).orElseThrow();
      assertThat(checkpoint.manifest().version()).isEqualTo(published.version());
      assertThat(checkpoint.manifest().step()).isZero();
      CheckpointConfig config = CheckpointConfig.of(checkpoint.manifest());
      assertThat(config.labels()).containsExactly("bounce", "spin");
      LocalizationNetwork loaded = NetworkCheckpoint.load(manager, checkpoint, INPUT);
      assertThat(NetworkCheckpoint.parameters(loaded.encoder())).isEqualTo(NetworkCheckpoint.parameters(saved.encoder()));
      assertThat(loaded.head().numClasses()).isEqualTo(2);
    }
  }

  @Test
  void anEncoderOfAnotherStructureIsRefusedNamingBoth() {
    try (NDManager manager = NDManager.newBaseManager()) {
      export(manager, TinyNetworks.builder(5).optWidthMultiplier(0.25f).build());
      Pretraining pretraining = pretraining(KafkaTestCluster.shared().bootstrapWithCatalog(), "init-mismatch");

      assertThatThrownBy(() -> pretraining.startFrom(dir.resolve("saved-0000.params"), TRAINED_NEXT, List.of("spin")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("saved-0000.params holds a TSM-ResNet-18 x0.25")
          .hasMessageContaining("trains a TSM-ResNet-18 x0.125");
    }
  }

  @Test
  void aDirectoryWithoutAnExportIsRefusedNamingIt() {
    Pretraining pretraining = pretraining(KafkaTestCluster.shared().bootstrapWithCatalog(), "init-empty");
    assertThatThrownBy(() -> pretraining.startFrom(dir, TRAINED_NEXT, List.of("spin")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(dir + " holds 0 *-0000.params files");
  }

  /** Exports a fresh network of {@code config} to {@link #dir} as model {@code saved}. */
  private LocalizationNetwork export(NDManager manager, NetworkConfig config) {
    LocalizationNetwork network = config.build();
    network.initialize(manager, DataType.FLOAT32, INPUT);
    byte[] parameters = NetworkCheckpoint.parameters(network);
    CheckpointExport.write(dir, config, new Checkpoint(CheckpointChunker.manifest("saved", "v1", "lofi", 0, 1,
        config.toMap(), Map.of(), parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.now()), parameters));
    return network;
  }

  private static Pretraining pretraining(String bootstrap, String model) {
    return new Pretraining(bootstrap, PretrainingSettings.builder(model).optFidelity("full").optEpochs(1)
        .optBatchSize(1).optSampling(SparseSnippets.ALL).build(),
        new MetricsPublisher(bootstrap, model, new StageListener() {}));
  }
}
