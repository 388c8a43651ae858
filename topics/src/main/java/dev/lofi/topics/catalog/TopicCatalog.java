package dev.lofi.topics.catalog;

import dev.lofi.topics.catalog.Topic.Cleanup;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every topic lofi reads or writes. Names are a contract (see docs/topics.md); the
 * partition counts, cleanup policies, retention and size limits are this project's decisions.
 */
public final class TopicCatalog {

  private static final int MIB = 1024 * 1024;
  private static final long FOREVER = -1;
  private static final long DAY_MS = Duration.ofDays(1).toMillis();
  private static final Pattern FIDELITY_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  /** Clip snippets at their largest (paper preset, full fidelity) are about 1.2 MB; 8 MiB leaves room. */
  static final int CLIP_MAX_BYTES = 8 * MIB;

  /** Checkpoint chunks are at most 1 MiB of parameters plus a small header. */
  static final int CHECKPOINT_MAX_BYTES = 2 * MIB;

  /** The prefix of the clip topics: one per fidelity. */
  public static final String CLIPS_PREFIX = "lofi.clips.";


  public static final Topic VIDEOS = new Topic("lofi.videos", 3, Cleanup.COMPACT, FOREVER, MIB,
      "video metadata JSON (source, duration, fps, size, subset), keyed by video id");
  public static final Topic ANNOTATIONS = new Topic("lofi.annotations", 3, Cleanup.COMPACT, FOREVER, MIB,
      "ground-truth segments JSON, keyed by video id");
  public static final Topic LIVE_CLIPS = new Topic("lofi.live.clips", 6, Cleanup.DELETE, DAY_MS, CLIP_MAX_BYTES,
      "full-fidelity snippets of live streams and end-of-stream markers, keyed by stream id");
  public static final Topic FEATURES = new Topic("lofi.features", 3, Cleanup.COMPACT, FOREVER, CLIP_MAX_BYTES,
      "full-fidelity feature sequence of a video, keyed by video id");
  // One partition: a checkpoint's chunks and its manifest have different keys but must stay in order.
  public static final Topic CHECKPOINTS = new Topic("lofi.checkpoints", 1, Cleanup.COMPACT, FOREVER,
      CHECKPOINT_MAX_BYTES, "checkpoint manifests (keyed model/version, the newest 3 per model kept) and their parameter chunks");
  public static final Topic TRAINER_METRICS = new Topic("lofi.trainer.metrics", 1, Cleanup.DELETE, 30 * DAY_MS, MIB,
      "loss, learning rate, fidelity, memory and mAP per step and epoch, keyed by run id");
  // Kept forever: the history of what served when is small and is what a rollback is decided on.
  public static final Topic MODEL_DECISIONS = new Topic("lofi.model.decisions", 1, Cleanup.DELETE, FOREVER, MIB,
      "which checkpoint serves: candidates promoted or refused (with both scores) and rollbacks, keyed by model");
  public static final Topic SEGMENTS = new Topic("lofi.segments", 6, Cleanup.DELETE, 7 * DAY_MS, MIB,
      "detected action segments JSON (opened / closed), keyed by stream id");
  // Must hold a record that failed on any other topic, so it takes the largest size limit.
  public static final Topic DLQ = new Topic("lofi.dlq", 1, Cleanup.DELETE, 30 * DAY_MS, 2 * CLIP_MAX_BYTES,
      "records that could not be read, with reason, topic, partition and offset in headers");

  private TopicCatalog() {}

  /** The clip topic of one fidelity, e.g. {@code lofi.clips.st}. */
  public static Topic clips(String fidelity) {
    if (fidelity == null || !FIDELITY_NAME.matcher(fidelity).matches()) {
      throw new IllegalArgumentException(
          "illegal fidelity name '" + fidelity + "': lower-case letters, digits, '_' or '-', at most 32");
    }
    // Training re-reads every epoch from these topics, so they keep their records until deleted.
    return new Topic(CLIPS_PREFIX + fidelity, 6, Cleanup.DELETE, FOREVER, CLIP_MAX_BYTES,
        "snippets of videos at fidelity '" + fidelity + "', keyed by video id");
  }

  /** The whole catalog, in the order {@code lofi topics list} shows it. */
  public static List<Topic> all() {
    List<Topic> topics = new ArrayList<>();
    topics.add(VIDEOS);
    topics.add(ANNOTATIONS);
    FidelityPreset.NAMES.forEach(f -> topics.add(clips(f)));
    topics.addAll(List.of(LIVE_CLIPS, FEATURES, CHECKPOINTS, TRAINER_METRICS, MODEL_DECISIONS, SEGMENTS, DLQ));
    return List.copyOf(topics);
  }

  /** The catalog entry of a topic name, including clip topics of non-standard fidelities. */
  public static Optional<Topic> byName(String name) {
    Optional<Topic> known = all().stream().filter(t -> t.name().equals(name)).findFirst();
    if (known.isPresent() || name == null || !name.startsWith(CLIPS_PREFIX)) {
      return known;
    }
    try {
      return Optional.of(clips(name.substring(CLIPS_PREFIX.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
