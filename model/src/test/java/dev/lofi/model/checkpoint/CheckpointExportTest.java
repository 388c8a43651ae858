package dev.lofi.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointExportTest {

  private static final NetworkConfig CONFIG = TinyNetworks.anchorFree(3);
  private static final Shape INPUT = new Shape(1, 4, 2, 3, 32, 32);

  @TempDir
  Path dir;

  /** A checkpoint of a fresh network of {@link #CONFIG}, as stages publish them: labels in the config. */
  private static Checkpoint checkpoint(LocalizationNetwork network) {
    byte[] parameters = NetworkCheckpoint.parameters(network);
    Map<String, Object> config = new CheckpointConfig(CONFIG, List.of("a", "b", "c"), List.of("s")).toMap();
    return new Checkpoint(CheckpointChunker.manifest("export-test", "v3", "head", 2, 30, config, Map.of("loss", 0.7),
        parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.parse("2025-01-02T03:04:05Z")), parameters);
  }

  @Test
  void anExportedCheckpointLoadsWithDjlAndGivesTheSameOutputs() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      LocalizationNetwork original = CONFIG.build();
      original.initialize(manager, DataType.FLOAT32, INPUT);

      Path params = CheckpointExport.write(dir, CONFIG, checkpoint(original));

      assertThat(params).exists().hasFileName("export-test-0000.params");
      JsonNode manifest = new ObjectMapper().readTree(dir.resolve("export-test.json").toFile());
      assertThat(manifest.get("version").asText()).isEqualTo("v3");
      assertThat(manifest.get("config").get("depth").asInt()).isEqualTo(18);
      try (Model model = Model.newInstance("export-test")) {
        LocalizationNetwork block = CONFIG.build();
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, INPUT);
        model.load(dir, "export-test");
        NDArray videos = manager.randomNormal(INPUT);
        NDList expected = original.forward(new ParameterStore(manager, false), new NDList(videos), false);
        NDList actual = block.forward(new ParameterStore(manager, false), new NDList(videos), false);
        assertThat(actual.get(0).toFloatArray()).containsExactly(expected.get(0).toFloatArray());
        assertThat(Files.size(params)).isPositive();
      }
    }
  }

  @Test
  void readingAnExportGivesBackTheCheckpointItWasWrittenFrom() {
    Checkpoint written;
    try (NDManager manager = NDManager.newBaseManager()) {
      LocalizationNetwork network = CONFIG.build();
      network.initialize(manager, DataType.FLOAT32, INPUT);
      written = checkpoint(network);
    }
    CheckpointExport.write(dir, CONFIG, written);

    CheckpointExport.Exported read = CheckpointExport.read(dir);

    assertThat(read.file()).isEqualTo(dir.resolve("export-test-0000.params"));
    assertThat(read.network()).isEqualTo(CONFIG);
    CheckpointManifest manifest = read.checkpoint().manifest();
    assertThat(manifest).usingRecursiveComparison().ignoringFields("config", "sha256", "sizeBytes")
        .isEqualTo(written.manifest());
    assertThat(CheckpointConfig.of(manifest)).isEqualTo(CheckpointConfig.of(written.manifest()));
    assertThat(manifest.sha256()).isEqualTo(CheckpointChunker.sha256Hex(read.checkpoint().parameters()));
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray videos = manager.randomNormal(INPUT);
      NDList expected = NetworkCheckpoint.load(manager, CONFIG, written.parameters(), INPUT)
          .forward(new ParameterStore(manager, false), new NDList(videos), false);
      NDList actual = NetworkCheckpoint.load(manager, read.network(), read.checkpoint().parameters(), INPUT)
          .forward(new ParameterStore(manager, false), new NDList(videos), false);
      assertThat(actual.get(0).toFloatArray()).containsExactly(expected.get(0).toFloatArray());
    }
  }
}
