package dev.lofi.topics.record;

/**
 * Record keys of the checkpoint topic. A manifest is keyed by its model name, so that compaction
 * keeps the latest checkpoint of each model. A chunk is keyed {@code model/version/index}: the
 * topic is compacted, and chunks sharing the model-name key would be compacted away down to the
 * last one. Model names therefore must not contain {@code '/'}, which keeps chunk keys unique and
 * apart from manifest keys.
 *
 * <p>Compaction never removes the chunks of superseded versions by itself; the publisher deletes
 * them with tombstones under their chunk keys.
 */
public final class CheckpointKeys {

  private CheckpointKeys() {}

  /** The key of a checkpoint record of either kind. */
  public static String of(CheckpointRecord record) {
    if (record instanceof CheckpointChunk chunk) {
      return chunk(chunk.model(), chunk.version(), chunk.index());
    }
    return manifest(record.model());
  }

  /** The key of a model's manifest: the model name. */
  public static String manifest(String model) {
    return requireModelName(model);
  }

  /** The key of one chunk: {@code model/version/index}. */
  public static String chunk(String model, String version, int index) {
    return requireModelName(model) + "/" + version + "/" + index;
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
