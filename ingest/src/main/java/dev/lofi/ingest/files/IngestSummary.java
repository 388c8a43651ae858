package dev.lofi.ingest.files;

import dev.lofi.ingest.annotation.AnnotationProblem;
import dev.lofi.topics.record.VideoAnnotations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an ingest of video files did.
 *
 * @param annotationProblems every problem of the annotations: the entries and videos the file left
 *     out, in file order and including those of videos without a file here, then the entries left
 *     out because they start at or after their video's decoded end, in ingest order
 * @param clusterLoss where Kafka failed and the run stopped; null where it did not
 */
public record IngestSummary(List<Published> published, List<GroundTruthUpdate> groundTruthUpdated,
    List<Outcome> skipped, List<Outcome> failed, List<String> annotatedWithoutVideo,
    List<LeftOut> annotationProblems, long clipBytes, double seconds, ClusterLoss clusterLoss) {

  /**
   * A video whose snippets, ground truth and metadata were committed.
   *
   * @param truth the ground truth published with it; null where the annotations had none for it
   */
  public record Published(String videoId, Path file, Map<String, Integer> snippets, VideoAnnotations truth,
      long decodedFrames, double seconds) {

    /** Whether ground truth was published with the video. */
    public boolean annotated() {
      return truth != null;
    }
  }

  /**
   * A video already on the cluster, with the same content and sampling, whose ground truth in the
   * annotations differed from the cluster's: its ground truth (and its metadata, where the subset
   * changed) was published again, its snippets were not.
   *
   * @param previous the ground truth it replaced; null where the video had none
   * @param subsetChanged whether the metadata was published too, with the new subset
   */
  public record GroundTruthUpdate(String videoId, Path file, VideoAnnotations truth, VideoAnnotations previous,
      boolean subsetChanged) {}

  /** A file that was skipped or failed, and why. */
  public record Outcome(Path file, String reason) {}

  /**
   * An annotation problem, and what became of its video's ground truth.
   *
   * @param videoKept true where only the entry named was left out and the video's other entries
   *     are its ground truth; false where the annotations give the video none
   */
  public record LeftOut(AnnotationProblem problem, boolean videoKept) {}

  /**
   * Kafka failed (the cluster unreachable past the producer's wait, or the producer refused) while
   * {@code file} was being published, and the run stopped there: {@code file} and the videos after
   * it are not committed.
   *
   * @param committed the run's videos on the cluster when it stopped: published now or before
   * @param videos the run's video files; those neither committed nor failed are to be re-run
   */
  public record ClusterLoss(Path file, String reason, java.time.Instant at, int committed, int videos) {}

  /** Whether every file was published or skipped on purpose, and the annotations read whole. */
  public boolean succeeded() {
    return failed.isEmpty() && annotationProblems.isEmpty() && clusterLoss == null;
  }

  /** Snippets published per fidelity, over all videos. */
  public Map<String, Integer> snippetsPerFidelity() {
    Map<String, Integer> totals = new java.util.TreeMap<>();
    published.forEach(p -> p.snippets().forEach((f, n) -> totals.merge(f, n, Integer::sum)));
    return totals;
  }
}
