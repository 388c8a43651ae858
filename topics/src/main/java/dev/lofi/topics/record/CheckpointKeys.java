package dev.lofi.topics.record;

/**
 * Record keys of the checkpoint topic. A manifest is keyed {@code model/version} and a chunk
 * {@code model/version/index}: the topic is compacted, and records sharing a key would be compacted
 * away down to the last one, while a model keeps several checkpoints. Model names and versions
 * therefore must not contain {@code '/'}, which keeps the keys unique and manifests apart from
 * chunks. (Manifests written before lofi kept several checkpoints are keyed by the model name
 * alone; readers take them as they come.)
 *
 * <p>Compaction never removes superseded checkpoints by itself; the publisher deletes those it no
 * longer keeps with tombstones under their keys.
 */
public final class CheckpointKeys {

  private CheckpointKeys() {}

  /** The key of a checkpoint record of either kind. */
  public static String of(CheckpointRecord record) {
    if (record instanceof CheckpointChunk chunk) {
      return chunk(chunk.model(), chunk.version(), chunk.index());
    }
    return manifest(record.model(), ((CheckpointManifest) record).version());
  }

  /** The key of a checkpoint's manifest: {@code model/version}. */
  public static String manifest(String model, String version) {
    return requireModelName(model) + "/" + requireVersion(version);
  }

  /** The key of one chunk: {@code model/version/index}. */
  public static String chunk(String model, String version, int index) {
    return requireModelName(model) + "/" + requireVersion(version) + "/" + index;
  }

  static String requireVersion(String version) {
    Require.nonBlank("version", version);
    if (version.indexOf('/') >= 0) {
      throw new IllegalArgumentException("version must not contain '/' (it separates key parts), got '" + version + "'");
    }
    return version;
  }

  static String requireModelName(String model) {
    Require.nonBlank("model", model);
    if (model.indexOf('/') >= 0) {
      throw new IllegalArgumentException("model must not contain '/' (it separates chunk key parts), got '"
          + model + "'");
    }
    return model;
  }
}
