package dev.lofi.ingest.files;

import dev.lofi.ingest.annotation.AnnotationProblem;
import dev.lofi.ingest.annotation.AnnotationSet;
import dev.lofi.ingest.annotation.GroundTruth;
import dev.lofi.topics.record.VideoAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ingest's ground truth, fitted to each video as it is probed, with the problems of reading the
 * annotation file and those of fitting: an entry starting at or after its video's decoded end.
 */
final class FittedAnnotations {

  private final AnnotationSet annotations;
  /** Each fitted entry by its id in the file, in ingest order. */
  private final Map<String, GroundTruth.Fitted> fits = new LinkedHashMap<>();

  FittedAnnotations(AnnotationSet annotations) {
    this.annotations = annotations;
  }

  /**
   * The ground truth of the video file of id {@code videoId}, which decodes to
   * {@code probedSeconds}; null where the file gives none: no entry, an entry left out, or every
   * segment of it starting after the video's end.
   */
  VideoAnnotations fit(String videoId, double probedSeconds) {
    Optional<GroundTruth> truth = annotations.find(videoId);
    if (truth.isEmpty()) {
      return null;
    }
    GroundTruth.Fitted fitted = truth.get().fit(videoId, probedSeconds);
    fits.put(truth.get().videoId(), fitted);
    return fitted.record();
  }

  /** The problems of the entry of video file {@code videoId}: reading's, then fitting's, if fitted. */
  List<AnnotationProblem> problemsOf(String videoId) {
    List<AnnotationProblem> problems = new ArrayList<>(annotations.problemsOf(videoId));
    annotations.find(videoId).map(truth -> fits.get(truth.videoId()))
        .ifPresent(fitted -> problems.addAll(fitted.leftOut()));
    return problems;
  }

  /** Whether the file gives the video file {@code videoId} ground truth, its bad entries left out. */
  boolean keepsVideo(String videoId) {
    return annotations.find(videoId).map(truth -> keepsEntry(truth.videoId())).orElse(false);
  }

  /** Every problem, reading's in file order then fitting's in ingest order, with what became of its video. */
  List<IngestSummary.LeftOut> all() {
    List<IngestSummary.LeftOut> all = new ArrayList<>();
    for (AnnotationProblem problem : annotations.problems()) {
      boolean kept = annotations.keepsVideoOf(problem) && keepsEntry(problem.videoId());
      all.add(new IngestSummary.LeftOut(problem, kept));
    }
    fits.values().forEach(fitted -> fitted.leftOut()
        .forEach(problem -> all.add(new IngestSummary.LeftOut(problem, fitted.record() != null))));
    return all;
  }

  /** Whether the entry of id {@code entryId} kept a segment through fitting, or was not fitted. */
  private boolean keepsEntry(String entryId) {
    GroundTruth.Fitted fitted = fits.get(entryId);
    return fitted == null || fitted.record() != null;
  }
}
