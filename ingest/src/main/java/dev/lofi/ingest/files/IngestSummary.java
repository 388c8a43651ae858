package dev.lofi.ingest.files;

import dev.lofi.ingest.annotation.AnnotationProblem;
import dev.lofi.topics.record.VideoAnnotations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an ingest of video files did.
 *
 * @param annotationProblems every problem of the annotation file, in file order: the entries and
 *     videos it left out, including those of videos without a file here
 */
public record IngestSummary(List<Published> published, List<GroundTruthUpdate> groundTruthUpdated,
    List<Outcome> skipped, List<Outcome> failed, List<String> annotatedWithoutVideo,
    List<AnnotationProblem> annotationProblems, long clipBytes, double seconds) {

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

  /** Whether every file was published or skipped on purpose, and the annotations read whole. */
  public boolean succeeded() {
    return failed.isEmpty() && annotationProblems.isEmpty();
  }

  /** Snippets published per fidelity, over all videos. */
  public Map<String, Integer> snippetsPerFidelity() {
    Map<String, Integer> totals = new java.util.TreeMap<>();
    published.forEach(p -> p.snippets().forEach((f, n) -> totals.merge(f, n, Integer::sum)));
    return totals;
  }
}
