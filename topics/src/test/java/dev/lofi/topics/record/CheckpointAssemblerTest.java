package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointAssemblerTest {

  private final byte[] parameters = "ten bytes!".getBytes();
  private final List<CheckpointChunk> chunks = CheckpointChunker.split("tsm", "v3", parameters, 3);
  private final CheckpointManifest manifest = CheckpointChunker.manifest("tsm", "v3", "head", 1, 10, Map.of(),
      Map.of(), parameters, 3, Instant.parse("2024-01-01T00:00:00Z"));
  private final CheckpointAssembler assembler = new CheckpointAssembler();

  private RecordFormatException refusal() {
    RecordFormatException refused =
        catchThrowableOfType(RecordFormatException.class, () -> assembler.assemble(manifest));
    assertThat(refused).as("assembly must be refused").isNotNull();
    return refused;
  }

  @Test
  void aMissingChunkIsAnInvalidFieldNamingIt() {
    chunks.stream().filter(chunk -> chunk.index() != 2).forEach(assembler::accept);

    assertThat(assembler.isComplete(manifest)).isFalse();
    RecordFormatException refused = refusal();
    assertThat(refused.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(refused.getMessage()).contains("tsm/v3", "missing chunks [2] of 4");
  }

  @Test
  void anAlteredChunkIsAChecksumMismatch() {
    chunks.forEach(assembler::accept);
    byte[] altered = chunks.get(1).bytes().clone();
    altered[0] ^= 1;
    assembler.accept(new CheckpointChunk("tsm", "v3", 1, 4, altered));

    assertThat(assembler.isComplete(manifest)).isTrue();
    assertThat(refusal().reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
  }

  @Test
  void aChunkOfAnotherSizeIsAnInvalidFieldGivingBothSizes() {
    chunks.forEach(assembler::accept);
    assembler.accept(new CheckpointChunk("tsm", "v3", 3, 4, new byte[] {1, 2}));

    RecordFormatException refused = refusal();
    assertThat(refused.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(refused.getMessage()).contains("chunks hold 11 bytes, manifest sizeBytes is 10");
  }

  @Test
  void aChunkDeclaringAnotherCountIsAnInvalidFieldNamingIt() {
    chunks.forEach(assembler::accept);
    assembler.accept(new CheckpointChunk("tsm", "v3", 0, 5, chunks.get(0).bytes()));

    assertThat(assembler.isComplete(manifest)).isFalse();
    RecordFormatException refused = refusal();
    assertThat(refused.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(refused.getMessage()).contains("chunk 0 declares count 5, manifest chunkCount is 4");
  }

  @Test
  void chunksOfOtherVersionsOrModelsDoNotCount() {
    chunks.forEach(chunk -> assembler.accept(new CheckpointChunk("tsm", "v2", chunk.index(), 4, chunk.bytes())));
    chunks.forEach(chunk -> assembler.accept(new CheckpointChunk("other", "v3", chunk.index(), 4, chunk.bytes())));

    assertThat(assembler.isComplete(manifest)).isFalse();
    assertThat(refusal().getMessage()).contains("missing chunks [0, 1, 2, 3] of 4");
  }

  @Test
  void discardingACheckpointForgetsItsChunks() {
    chunks.forEach(assembler::accept);
    assembler.discard("tsm", "v3");

    assertThat(assembler.isComplete(manifest)).isFalse();
  }

  @Test
  void theChunkerRefusesANonPositiveChunkSize() {
    assertThatThrownBy(() -> CheckpointChunker.split("tsm", "v3", parameters, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChunkBytes");
  }
}
