package dev.lofi.ingest.files;

import dev.lofi.ingest.annotation.AnnotationProblem;
import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.topics.record.ClipSnippet;
import java.nio.file.Path;
import java.util.List;

/** Hears what an ingest does, file by file, so that a console can draw progress. */
public interface IngestListener {

  /** A file is about to be probed: it is number {@code index} (from 1) of {@code total}. */
  default void fileStarted(Path file, int index, int total) {}

  /** A video's snippets are being sampled and published. */
  default void videoStarted(String videoId, VideoProbe probe, int expectedSnippets) {}

  /** One snippet went to the producer. */
  default void snippetPublished(ClipSnippet snippet) {}

  /** A video's transaction committed. */
  default void videoPublished(IngestSummary.Published video) {}

  /** A video already on the cluster got new ground truth, without its snippets being sent again. */
  default void groundTruthUpdated(IngestSummary.GroundTruthUpdate update) {}

  /** A file was left alone, on purpose. */
  default void fileSkipped(Path file, String reason) {}

  /** A file failed; nothing of it was published. */
  default void fileFailed(Path file, String reason) {}

  /**
   * The annotation file's entry for a video had problems, its entries starting at or after the
   * video's decoded end among them; heard after the video's outcome.
   *
   * @param videoKept true where only the entries named were left out and the video's other
   *     entries are its ground truth; false where the annotations give the video none
   */
  default void annotationProblems(String videoId, List<AnnotationProblem> problems, boolean videoKept) {}
}
