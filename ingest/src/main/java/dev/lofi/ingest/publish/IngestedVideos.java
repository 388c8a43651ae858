package dev.lofi.ingest.publish;

import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.topics.scan.LatestValues;
import java.util.Map;
import java.util.Optional;

/**
 * The videos already on the cluster: the latest metadata and ground truth per video id, on
 * compacted {@code lofi.videos} and {@code lofi.annotations}.
 */
public final class IngestedVideos {

  private final Map<String, VideoMetadata> latest;
  private final Map<String, VideoAnnotations> annotations;

  private IngestedVideos(Map<String, VideoMetadata> latest, Map<String, VideoAnnotations> annotations) {
    this.latest = latest;
    this.annotations = annotations;
  }

  /** Reads both topics from their start to their current end; unreadable records go to the DLQ. */
  public static IngestedVideos read(String bootstrap) {
    return new IngestedVideos(LatestValues.videos(bootstrap, "ingest"), LatestValues.annotations(bootstrap, "ingest"));
  }

  /** The latest metadata of a video, if it was ever ingested. */
  public Optional<VideoMetadata> get(String videoId) {
    return Optional.ofNullable(latest.get(videoId));
  }

  /** The latest ground truth of a video, if it was ever published with some. */
  public Optional<VideoAnnotations> annotations(String videoId) {
    return Optional.ofNullable(annotations.get(videoId));
  }
}
