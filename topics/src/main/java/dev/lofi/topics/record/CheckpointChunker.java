package dev.lofi.topics.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Splits a checkpoint's parameters into chunks below the topic's size limit and describes the
 * whole in a manifest, whose SHA-256 lets {@link CheckpointAssembler} prove the reassembly.
 */
public final class CheckpointChunker {

  /** 1 MiB of parameters per chunk: with its header, well under the checkpoint topic's 2 MiB limit. */
  public static final int DEFAULT_CHUNK_BYTES = 1 << 20;

  private CheckpointChunker() {}

  /**
   * The parameters in {@code ceil(length / maxChunkBytes)} chunks, in index order; none for empty
   * parameters. Every chunk but the last holds exactly {@code maxChunkBytes}.
   */
  public static List<CheckpointChunk> split(String model, String version, byte[] parameters, int maxChunkBytes) {
    int count = chunkCount(parameters, maxChunkBytes);
    List<CheckpointChunk> chunks = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      int from = index * maxChunkBytes;
      int to = (int) Math.min((long) from + maxChunkBytes, parameters.length);
      chunks.add(new CheckpointChunk(model, version, index, count, Arrays.copyOfRange(parameters, from, to)));
    }
    return chunks;
  }

  /** The manifest of parameters split with {@link #split} at {@code maxChunkBytes}. */
  public static CheckpointManifest manifest(String model, String version, String stage, int epoch, long step,
      Map<String, Object> config, Map<String, Double> metrics, byte[] parameters, int maxChunkBytes,
      Instant created) {
    return new CheckpointManifest(model, version, stage, epoch, step, config, metrics, sha256Hex(parameters),
        parameters.length, chunkCount(parameters, maxChunkBytes), created);
  }

  /** SHA-256 as 64 lower-case hex digits, the form manifests carry. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static int chunkCount(byte[] parameters, int maxChunkBytes) {
    Require.nonNull("parameters", parameters);
    Require.atLeast("maxChunkBytes", maxChunkBytes, 1);
    return (int) (((long) parameters.length + maxChunkBytes - 1) / maxChunkBytes);
  }
}
