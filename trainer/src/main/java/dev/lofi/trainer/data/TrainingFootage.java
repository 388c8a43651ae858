package dev.lofi.trainer.data;

import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Annotated training videos, each at its revision: the ingest run its clips come from and a digest
 * of its ground truth. Footage compares video by video, so what is new or changed since a
 * checkpoint was trained is a set difference: reading the topics again, or after a restart, never
 * counts a video twice.
 *
 * @param revisions revision by video id
 */
public record TrainingFootage(Map<String, String> revisions) {

  /** Hex digits of the ground truth's SHA-256 a revision keeps: enough to tell edits apart. */
  private static final int DIGEST_DIGITS = 16;

  public TrainingFootage {
    revisions = Collections.unmodifiableMap(new TreeMap<>(revisions));
  }

  /** The annotated videos of the training subset among {@code videos}. */
  public static TrainingFootage of(Map<String, VideoMetadata> videos, Map<String, VideoAnnotations> annotations) {
    Map<String, String> revisions = new TreeMap<>();
    videos.values().stream().filter(video -> TrainingSet.TRAINING.equals(video.subset())).forEach(video -> {
      VideoAnnotations truth = annotations.get(video.videoId());
      if (truth != null) {
        revisions.put(video.videoId(), revision(video, truth));
      }
    });
    return new TrainingFootage(revisions);
  }

  /** A video's revision: it changes when the video is ingested again or its ground truth is edited. */
  public static String revision(VideoMetadata video, VideoAnnotations truth) {
    String digest = CheckpointChunker.sha256Hex(RecordSerdes.videoAnnotations().encode(truth));
    return video.ingest().ingestId() + ":" + digest.substring(0, DIGEST_DIGITS);
  }

  /** The videos of this footage at a revision none of {@code known} has. */
  public TrainingFootage unknownTo(Collection<TrainingFootage> known) {
    Map<String, String> unknown = new TreeMap<>(revisions);
    unknown.entrySet().removeIf(video -> known.stream()
        .anyMatch(k -> video.getValue().equals(k.revisions().get(video.getKey()))));
    return new TrainingFootage(unknown);
  }

  /** How many videos. */
  public int size() {
    return revisions.size();
  }

  public boolean isEmpty() {
    return revisions.isEmpty();
  }
}
