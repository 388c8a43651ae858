package dev.lofi.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.network.TinyNetworks;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.RecordSerdes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointConfigTest {

  private static final CheckpointConfig CONFIG = new CheckpointConfig(TinyNetworks.anchorFree(2), List.of("a", "b"),
      List.of("full"), "m@v1");

  @Test
  void theTrainingVideosLearntFromSurviveTheManifestsJson() {
    CheckpointConfig recorded = CONFIG.withTrainedOn(Map.of("v2", "ingest-2:ab", "v1", "ingest-1:cd"));

    CheckpointConfig read = CheckpointConfig.of(roundTrip(recorded.toMap()));

    assertThat(read).isEqualTo(recorded);
    assertThat(read.trainedOn()).containsExactly(Map.entry("v1", "ingest-1:cd"), Map.entry("v2", "ingest-2:ab"));
    assertThat(read.encoderCheckpoint()).isEqualTo("m@v1");
  }

  @Test
  void aConfigThatRecordsNoVideosWritesNoKeyAndReadsBackEmpty() {
    assertThat(CONFIG.toMap()).doesNotContainKey(CheckpointConfig.TRAINED_ON);
    assertThat(CheckpointConfig.of(roundTrip(CONFIG.toMap())).trainedOn()).isEmpty();
  }

  @Test
  void trainedOnThatIsNotAnObjectIsRefusedNamingTheKey() {
    Map<String, Object> config = new LinkedHashMap<>(CONFIG.toMap());
    config.put(CheckpointConfig.TRAINED_ON, List.of("v1"));

    assertThatThrownBy(() -> CheckpointConfig.of(roundTrip(config))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'trained_on' must be an object");
  }

  private static CheckpointManifest roundTrip(Map<String, Object> config) {
    CheckpointManifest manifest = CheckpointChunker.manifest("m", "v2", "head", 0, 1, config, Map.of(), new byte[] {1},
        CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.EPOCH);
    return (CheckpointManifest) RecordSerdes.checkpoint().decode(RecordSerdes.checkpoint().encode(manifest));
  }
}
