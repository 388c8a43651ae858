package dev.lofi.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.head.TalHeads;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointChunker;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A network's parameters through lofi.checkpoints on a real broker. */
class NetworkCheckpointTest {

  private static final NetworkConfig CONFIG = TinyNetworks.anchorFree(3);
  private static final Shape INPUT = new Shape(1, 4, 2, 3, 32, 32);

  @Test
  void aCheckpointReadBackFromKafkaGivesTheSameOutputsAsTheNetworkThatWroteIt() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String model = "roundtrip-" + UUID.randomUUID().toString().substring(0, 6);
    try (NDManager manager = NDManager.newBaseManager()) {
      LocalizationNetwork written = CONFIG.build();
      written.initialize(manager, DataType.FLOAT32, INPUT);
      NDArray videos = manager.randomNormal(INPUT);
      byte[] parameters = NetworkCheckpoint.parameters(written);
      new CheckpointStore(bootstrap).publish(CheckpointChunker.manifest(model, "v1", "lofi", 0, 1, CONFIG.toMap(),
          Map.of(), parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.now()), parameters);

      Checkpoint loaded = new CheckpointStore(bootstrap).latest(model).orElseThrow();
      LocalizationNetwork read = NetworkCheckpoint.load(manager, CONFIG, loaded.parameters(), INPUT);

      NDList expected = written.forward(new ParameterStore(manager, false), new NDList(videos), false);
      NDList actual = read.forward(new ParameterStore(manager, false), new NDList(videos), false);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).toFloatArray()).containsExactly(expected.get(i).toFloatArray());
      }
    }
  }

  @Test
  void parametersOfAnotherStructureAreRefusedNamingTheNetwork() {
    try (NDManager manager = NDManager.newBaseManager()) {
      LocalizationNetwork network = CONFIG.build();
      network.initialize(manager, DataType.FLOAT32, INPUT);
      byte[] parameters = NetworkCheckpoint.parameters(network);
      NetworkConfig wider = TinyNetworks.builder(3).optWidthMultiplier(0.25f)
          .optHead(TalHeads.ANCHOR_FREE, Map.of("embedDim", "16", "levels", "2")).build();
      assertThatThrownBy(() -> NetworkCheckpoint.load(manager, wider, parameters, INPUT))
          .hasMessageContaining("does not fit network");
    }
  }
}
