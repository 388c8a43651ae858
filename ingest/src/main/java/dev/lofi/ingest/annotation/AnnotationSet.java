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
 * @param videos ground truth by video id, in file order; a video keeps its good entries where
 *     others were bad
 * @param problems the entries and videos left out, in file order; empty for a clean file
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
   * {@code v_abc.mp4} finds the JSON entry {@code abc}. Empty where the file has no such video, or
   * left it out (see {@link #problemsOf}).
   */
  public Optional<GroundTruth> find(String videoId) {
    return entryId(videoId).map(videos::get);
  }

  /**
   * The problems of the entry {@code videoId} matches as in {@link #find}, in file order: the bad
   * entries left out of its ground truth or, where {@link #find} is empty, why it was left out.
   */
  public List<AnnotationProblem> problemsOf(String videoId) {
    return entryId(videoId)
        .map(id -> problems.stream().filter(problem -> id.equals(problem.videoId())).toList())
        .orElse(List.of());
  }

  /**
   * Whether the video of {@code problem} was kept, with only the bad entry left out; false where
   * the video was left out whole, or the problem is of no one video.
   */
  public boolean keepsVideoOf(AnnotationProblem problem) {
    return problem.videoId() != null && videos.containsKey(problem.videoId());
  }

  /** The id the file writes the video {@code videoId} under, exact first, then across the v_ prefix. */
  private Optional<String> entryId(String videoId) {
    if (written(videoId)) {
      return Optional.of(videoId);
    }
    String other = videoId.startsWith(ACTIVITYNET_PREFIX)
        ? videoId.substring(ACTIVITYNET_PREFIX.length())
        : ACTIVITYNET_PREFIX + videoId;
    return written(other) ? Optional.of(other) : Optional.empty();
  }

  /** Whether the file has an entry of {@code id}, read or left out. */
  private boolean written(String id) {
    return videos.containsKey(id) || problems.stream().anyMatch(problem -> id.equals(problem.videoId()));
  }
}
