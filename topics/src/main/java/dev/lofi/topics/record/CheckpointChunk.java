package dev.lofi.topics.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * One piece of a checkpoint's serialized parameters, small enough for the topic's size limit. The
 * bytes array is shared, not copied; treat it as read-only.
 *
 * @param model model name, without {@code '/'}
 * @param version checkpoint version the chunk belongs to
 * @param index position of the chunk, 0..count-1
 * @param count chunks in the checkpoint
 * @param bytes this chunk's share of the parameters
 */
public record CheckpointChunk(String model, String version, int index, int count, byte[] bytes)
    implements CheckpointRecord {

  public CheckpointChunk {
    CheckpointKeys.requireModelName(model);
    Require.nonBlank("version", version);
    Require.atLeast("count", count, 1);
    Require.atLeast("index", index, 0);
    if (index >= count) {
      throw new IllegalArgumentException("index must be < count " + count + ", got " + index);
    }
    Require.nonNull("bytes", bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CheckpointChunk that
        && index == that.index
        && count == that.count
        && model.equals(that.model)
        && version.equals(that.version)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(model, version, index, count) + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "CheckpointChunk[model=" + model + ", version=" + version + ", chunk=" + index + "/" + count
        + ", bytes=" + bytes.length + "]";
  }
}
