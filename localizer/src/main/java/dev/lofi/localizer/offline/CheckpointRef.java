package dev.lofi.localizer.offline;

import dev.lofi.model.checkpoint.CheckpointExport;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which checkpoint to localize with, as {@code --checkpoint} names it: {@code MODEL}, the model's
 * latest checkpoint on {@code lofi.checkpoints}; {@code MODEL@VERSION}, that one, which must be the
 * latest since the topic is compacted to one checkpoint per model; or the path of a directory or
 * {@code .params} file that {@code lofi train --export} wrote. A reference is a path when it names
 * something that exists, contains a {@code '/'} (which no model name does) or ends in
 * {@code .params}.
 *
 * @param model the model name; null for a path
 * @param version the version asked for; null for the latest, or a path
 * @param export the exported checkpoint's path; null for a model
 */
public record CheckpointRef(String model, String version, Path export) {

  private static final String PARAMS = ".params";

  /** Reads a reference as the command line gives it. */
  public static CheckpointRef parse(String ref) {
    if (ref == null || ref.isBlank()) {
      throw new IllegalArgumentException("a checkpoint reference must be MODEL, MODEL@VERSION or a path, got '"
          + ref + "'");
    }
    if (ref.contains("/") || ref.endsWith(PARAMS) || Files.exists(Path.of(ref))) {
      return new CheckpointRef(null, null, Path.of(ref));
    }
    int at = ref.lastIndexOf('@');
    if (at < 0) {
      return new CheckpointRef(ref, null, null);
    }
    if (at == 0 || at == ref.length() - 1) {
      throw new IllegalArgumentException("checkpoint reference '" + ref + "' must be MODEL@VERSION with both parts");
    }
    return new CheckpointRef(ref.substring(0, at), ref.substring(at + 1), null);
  }

  /** Whether the checkpoint is read from {@code lofi.checkpoints}, so that a broker is needed. */
  public boolean onKafka() {
    return export == null;
  }

  /**
   * The checkpoint: reassembled from the topic and checked against its SHA-256, or read from the
   * export's files.
   *
   * @param bootstrap the cluster holding {@code lofi.checkpoints}; unused for a path
   * @throws IllegalArgumentException if there is no such checkpoint, saying what there is instead
   */
  public Checkpoint load(String bootstrap) {
    if (!onKafka()) {
      if (!Files.exists(export)) {
        throw new IllegalArgumentException(export + ": no such file or directory (an export of lofi train --export)");
      }
      return CheckpointExport.read(export).checkpoint();
    }
    CheckpointStore store = new CheckpointStore(bootstrap);
    Optional<Checkpoint> found = version == null ? store.latest(model) : store.version(model, version);
    if (found.isPresent()) {
      return found.get();
    }
    List<String> kept = store.versions(model);
    if (!kept.isEmpty()) {
      throw new IllegalArgumentException(this + " is not on " + TopicCatalog.CHECKPOINTS.name() + ": the topic keeps"
          + " each model's newest " + CheckpointStore.KEEP + " checkpoints, and " + model + "'s are "
          + String.join(", ", kept.stream().map(v -> model + "@" + v).toList())
          + " (lofi train --export keeps one as files)");
    }
    Set<String> models = store.latestManifests().keySet();
    throw new IllegalArgumentException("no checkpoint of " + model + " on " + TopicCatalog.CHECKPOINTS.name()
        + " at " + bootstrap + "; it holds checkpoints of " + (models.isEmpty() ? "no model" : String.join(", ", models)));
  }

  @Override
  public String toString() {
    return export != null ? export.toString() : version == null ? model : model + "@" + version;
  }
}
