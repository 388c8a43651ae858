package dev.lofi.ingest.publish;

import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.topics.scan.LatestValues;
import java.util.Map;
import java.util.Optional;

/** The videos already on the cluster: the latest metadata per video id on compacted {@code lofi.videos}. */
public final class IngestedVideos {

  private final Map<String, VideoMetadata> latest;

  private IngestedVideos(Map<String, VideoMetadata> latest) {
    this.latest = latest;
  }

  /** Reads {@code lofi.videos} from its start to its current end; unreadable records go to the DLQ. */
  public static IngestedVideos read(String bootstrap) {
    return new IngestedVideos(LatestValues.videos(bootstrap, "ingest"));
  }

  /** The latest metadata of a video, if it was ever ingested. */
  public Optional<VideoMetadata> get(String videoId) {
    return Optional.ofNullable(latest.get(videoId));
  }
}
