package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CheckpointChunkingTest {

  private static byte[] parameters(int size, long seed) {
    byte[] parameters = new byte[size];
    new Random(seed).nextBytes(parameters);
    return parameters;
  }

  private static CheckpointManifest manifest(byte[] parameters, int maxChunkBytes) {
    return CheckpointChunker.manifest("tsm", "v3", "lofi", 2, 400, Map.of("lr", 0.001), Map.of("average_map", 0.31),
        parameters, maxChunkBytes, Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Provide
  Arbitrary<int[]> sizesAndChunkSizes() {
    return Arbitraries.of(
        new int[] {0, 1}, new int[] {0, CheckpointChunker.DEFAULT_CHUNK_BYTES}, new int[] {1, 1},
        new int[] {7, 3}, new int[] {9, 3}, new int[] {10, 3}, new int[] {5, 1024},
        new int[] {2 * 1024 * 1024, CheckpointChunker.DEFAULT_CHUNK_BYTES},
        new int[] {2 * 1024 * 1024 + 1, CheckpointChunker.DEFAULT_CHUNK_BYTES});
  }

  @Property(tries = 9)
  void splittingThenAssemblingGivesTheParametersBack(@ForAll("sizesAndChunkSizes") int[] sizeAndChunk) {
    byte[] parameters = parameters(sizeAndChunk[0], 1);
    int maxChunkBytes = sizeAndChunk[1];
    List<CheckpointChunk> chunks = CheckpointChunker.split("tsm", "v3", parameters, maxChunkBytes);
    CheckpointManifest manifest = manifest(parameters, maxChunkBytes);

    CheckpointAssembler assembler = new CheckpointAssembler();
    chunks.forEach(assembler::accept);

    assertThat(chunks).hasSize((parameters.length + maxChunkBytes - 1) / maxChunkBytes);
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.bytes().length).isBetween(1, maxChunkBytes));
    assertThat(manifest.chunkCount()).isEqualTo(chunks.size());
    assertThat(manifest.sizeBytes()).isEqualTo(parameters.length);
    assertThat(assembler.isComplete(manifest)).isTrue();
    assertThat(assembler.assemble(manifest)).isEqualTo(parameters);
  }

  @Property(tries = 100)
  void chunksArrivingInAnyOrderWithRedeliveriesAssemble(
      @ForAll @IntRange(max = 5000) int size, @ForAll @IntRange(min = 1, max = 700) int maxChunkBytes,
      @ForAll long seed) {
    byte[] parameters = parameters(size, seed);
    List<CheckpointChunk> arrivals = new ArrayList<>(CheckpointChunker.split("tsm", "v3", parameters, maxChunkBytes));
    Random random = new Random(seed);
    arrivals.addAll(arrivals.subList(0, random.nextInt(arrivals.size() + 1)));
    Collections.shuffle(arrivals, random);

    CheckpointAssembler assembler = new CheckpointAssembler();
    arrivals.forEach(assembler::accept);

    assertThat(assembler.assemble(manifest(parameters, maxChunkBytes))).isEqualTo(parameters);
  }

  @Example
  void theManifestCarriesTheSha256OfTheWhole() {
    assertThat(manifest(new byte[0], 4).sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(CheckpointChunker.sha256Hex("abc".getBytes()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Example
  void everyChunkOfTheDefaultSizeFitsTheCheckpointTopic() {
    byte[] parameters = parameters(CheckpointChunker.DEFAULT_CHUNK_BYTES, 2);
    CheckpointChunk chunk =
        CheckpointChunker.split("tsm", "v3", parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES).get(0);

    assertThat(RecordSerdes.checkpoint().encode(chunk).length).isLessThan(2 * 1024 * 1024);
  }
}
