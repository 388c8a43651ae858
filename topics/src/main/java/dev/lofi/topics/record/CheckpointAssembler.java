package dev.lofi.topics.record;

import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects checkpoint chunks as they arrive, in any order and with redeliveries, and rebuilds a
 * checkpoint's parameters once its manifest says what the whole must be. Not thread-safe.
 */
public final class CheckpointAssembler {

  /** Chunks by {@code model/version}, then by index. */
  private final Map<String, Map<Integer, CheckpointChunk>> chunks = new HashMap<>();

  /**
   * Keeps a chunk. A chunk at an index already held replaces it, as compaction would: redelivery
   * of the same chunk changes nothing, and a conflicting one is caught by the manifest's checks.
   */
  public void accept(CheckpointChunk chunk) {
    chunks.computeIfAbsent(checkpointOf(chunk.model(), chunk.version()), k -> new TreeMap<>())
        .put(chunk.index(), chunk);
  }

  /** Whether every chunk the manifest names is held with the manifest's count; the hash is not checked. */
  public boolean isComplete(CheckpointManifest manifest) {
    return problems(manifest, held(manifest)).isEmpty();
  }

  /**
   * The whole parameters of a checkpoint.
   *
   * @throws RecordFormatException {@code INVALID_FIELD} naming missing or inconsistent chunks or a
   *     size that disagrees with the manifest; {@code CHECKSUM_MISMATCH} if the SHA-256 differs
   */
  public byte[] assemble(CheckpointManifest manifest) {
    Map<Integer, CheckpointChunk> held = held(manifest);
    List<String> problems = problems(manifest, held);
    if (!problems.isEmpty()) {
      throw new RecordFormatException(Reason.INVALID_FIELD, describe(manifest) + ": " + String.join("; ", problems));
    }
    long total = held.values().stream().mapToLong(chunk -> chunk.bytes().length).sum();
    if (total != manifest.sizeBytes()) {
      throw new RecordFormatException(Reason.INVALID_FIELD, describe(manifest) + ": chunks hold " + total
          + " bytes, manifest sizeBytes is " + manifest.sizeBytes());
    }
    byte[] parameters = new byte[(int) total];
    int offset = 0;
    for (int index = 0; index < manifest.chunkCount(); index++) {
      byte[] bytes = held.get(index).bytes();
      System.arraycopy(bytes, 0, parameters, offset, bytes.length);
      offset += bytes.length;
    }
    String sha256 = CheckpointChunker.sha256Hex(parameters);
    if (!sha256.equals(manifest.sha256())) {
      throw new RecordFormatException(Reason.CHECKSUM_MISMATCH, describe(manifest)
          + ": SHA-256 of the assembled parameters is " + sha256 + ", manifest says " + manifest.sha256());
    }
    return parameters;
  }

  /** Drops the chunks held for one checkpoint, e.g. once it is assembled or superseded. */
  public void discard(String model, String version) {
    chunks.remove(checkpointOf(model, version));
  }

  private Map<Integer, CheckpointChunk> held(CheckpointManifest manifest) {
    return chunks.getOrDefault(checkpointOf(manifest.model(), manifest.version()), Map.of());
  }

  private static List<String> problems(CheckpointManifest manifest, Map<Integer, CheckpointChunk> held) {
    List<String> problems = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int index = 0; index < manifest.chunkCount(); index++) {
      if (!held.containsKey(index)) {
        missing.add(index);
      }
    }
    if (!missing.isEmpty()) {
      problems.add("missing chunks " + missing + " of " + manifest.chunkCount());
    }
    if (manifest.sizeBytes() > Integer.MAX_VALUE - 8) {
      problems.add("sizeBytes " + manifest.sizeBytes() + " exceeds the largest array");
    }
    held.values().stream()
        .filter(chunk -> chunk.count() != manifest.chunkCount())
        .forEach(chunk -> problems.add("chunk " + chunk.index() + " declares count " + chunk.count()
            + ", manifest chunkCount is " + manifest.chunkCount()));
    return problems;
  }

  private static String describe(CheckpointManifest manifest) {
    return "checkpoint " + checkpointOf(manifest.model(), manifest.version());
  }

  private static String checkpointOf(String model, String version) {
    return model + "/" + version;
  }
}
