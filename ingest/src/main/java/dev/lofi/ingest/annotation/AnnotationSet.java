package dev.lofi.ingest.annotation;

import dev.lofi.topics.record.GroundTruthSegment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an annotation file gave: the videos it holds and the entries it could not read.
 *
 * @param videos ground truth by video id, in file order
 * @param problems the entries left out, in file order; empty for a clean file
 */
public record AnnotationSet(Map<String, GroundTruth> videos, List<AnnotationProblem> problems) {

  // ActivityNet names its video files v_<id> while its JSON keys are <id>.
  private static final String ACTIVITYNET_PREFIX = "v_";

  public AnnotationSet {
    Objects.requireNonNull(videos, "videos must not be null");
    videos.forEach((id, video) -> {
      if (!id.equals(video.videoId())) {
        throw new IllegalArgumentException("videos key '" + id + "' holds video '" + video.videoId() + "'");
      }
    });
    videos = Collections.unmodifiableMap(new LinkedHashMap<>(videos));
    problems = List.copyOf(Objects.requireNonNull(problems, "problems must not be null"));
  }

  /** The action classes of all segments, sorted. */
  public SortedSet<String> labels() {
    TreeSet<String> labels = new TreeSet<>();
    for (GroundTruth video : videos.values()) {
      for (GroundTruthSegment segment : video.segments()) {
        labels.add(segment.label());
      }
    }
    return Collections.unmodifiableSortedSet(labels);
  }

  /**
   * The ground truth of {@code videoId}: the video of that exact id, or else the one whose id is
   * {@code videoId} with ActivityNet's {@code v_} prefix removed or added, so that a video file
   * {@code v_abc.mp4} finds the JSON entry {@code abc}.
   */
  public Optional<GroundTruth> find(String videoId) {
    GroundTruth exact = videos.get(videoId);
    if (exact != null) {
      return Optional.of(exact);
    }
    String other = videoId.startsWith(ACTIVITYNET_PREFIX)
        ? videoId.substring(ACTIVITYNET_PREFIX.length())
        : ACTIVITYNET_PREFIX + videoId;
    return Optional.ofNullable(videos.get(other));
  }
}
