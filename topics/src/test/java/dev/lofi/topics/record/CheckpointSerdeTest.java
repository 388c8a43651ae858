package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointSerdeTest {

  private final CheckpointChunk chunk = new CheckpointChunk("tsm", "v3", 2, 5, new byte[] {9, 8, 7});
  private final CheckpointManifest manifest = CheckpointChunker.manifest("tsm", "v3", "pretrain", 0, 0,
      Map.of("depth", 50), Map.of(), new byte[] {1}, 1, Instant.parse("2024-01-01T00:00:00Z"));

  private static RecordFormatException refusal(byte[] bytes) {
    RecordFormatException refused =
        catchThrowableOfType(RecordFormatException.class, () -> RecordSerdes.checkpoint().decode(bytes));
    assertThat(refused).as("decoding must be refused").isNotNull();
    return refused;
  }

  @Test
  void manifestsAreJsonAndChunksAreLofkFrames() {
    byte[] manifestBytes = RecordSerdes.checkpoint().encode(manifest);
    byte[] chunkBytes = RecordSerdes.checkpoint().encode(chunk);

    assertThat(manifestBytes[0]).isEqualTo((byte) '{');
    assertThat(new String(chunkBytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("LOFK");
    assertThat(RecordSerdes.checkpoint().decode(manifestBytes)).isEqualTo(manifest);
    assertThat(RecordSerdes.checkpoint().decode(chunkBytes)).isEqualTo(chunk);
  }

  @Test
  void theManifestJsonHasSnakeCaseFields() {
    String json = new String(RecordSerdes.checkpoint().encode(manifest), StandardCharsets.UTF_8);

    assertThat(json).contains("\"size_bytes\":1", "\"chunk_count\":1", "\"config\":{\"depth\":50}",
        "\"created\":\"2024-01-01T00:00:00Z\"");
  }

  @Test
  void bytesThatAreNeitherJsonNorAChunkAreBadMagic() {
    assertThat(refusal("LOFC....".getBytes(StandardCharsets.US_ASCII)).reason()).isEqualTo(Reason.BAD_MAGIC);
    assertThat(refusal(new byte[] {' ', '{'}).reason()).isEqualTo(Reason.BAD_MAGIC);
    assertThat(refusal(RecordSerdes.clipSnippet().encode(ClipSnippet.endOfStreamMarker("s", "full", 0, 0, 0)))
        .reason()).isEqualTo(Reason.BAD_MAGIC);
  }

  @Test
  void aTombstoneIsEmpty() {
    assertThat(refusal(null).reason()).isEqualTo(Reason.EMPTY);
  }

  @Test
  void aManifestIsKeyedByModelAndVersionAndAChunkByModelVersionAndIndex() {
    assertThat(CheckpointKeys.of(manifest)).isEqualTo("tsm/" + manifest.version());
    assertThat(CheckpointKeys.of(chunk)).isEqualTo("tsm/v3/2");
  }

  @Test
  void aModelNameWithASlashIsRefusedSoThatKeysStayUnique() {
    assertThatThrownBy(() -> new CheckpointChunk("a/b", "v", 0, 1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
  }

  @Test
  void aManifestChecksItsFields() {
    assertThatThrownBy(() -> new CheckpointManifest("tsm", "v", "head", 0, 0, Map.of(), Map.of(), "ABC",
        0, 0, Instant.EPOCH)).hasMessageContaining("sha256");
    assertThatThrownBy(() -> new CheckpointManifest("tsm", "v", "head", 0, 0, Map.of(),
        Map.of("loss", Double.NaN), "a".repeat(64), 0, 0, Instant.EPOCH)).hasMessageContaining("metrics.loss");
    assertThatThrownBy(() -> new CheckpointManifest("tsm", "v", "head", -1, 0, Map.of(), Map.of(), "a".repeat(64),
        0, 0, Instant.EPOCH)).hasMessageContaining("epoch");
  }
}
