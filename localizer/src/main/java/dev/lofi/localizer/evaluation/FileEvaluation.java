package dev.lofi.localizer.evaluation;

import dev.lofi.model.evaluation.DetectionEvaluation;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.evaluation.Prediction;
import dev.lofi.model.evaluation.TiouThresholds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An ActivityNet prediction file scored against one subset of a ground-truth file: {@code lofi
 * evaluate}. The computation is {@link DetectionEvaluation}'s; this adds the files.
 *
 * @param subset the ground truth's subset
 * @param videos how many videos the subset has, with or without annotations
 * @param instances how many action instances the subset has
 * @param metrics AP per class, mAP and average mAP
 */
public record FileEvaluation(String subset, int videos, int instances, DetectionMetrics metrics) {

  /**
   * Reads both files and scores the predictions. Predictions of every video in the file count,
   * those of videos outside the subset as false positives, as in the official evaluator.
   *
   * @throws ActivityNetFileException if a file is malformed or the subset has no annotation
   */
  public static FileEvaluation run(Path groundTruthFile, Path predictionFile, String subset, TiouThresholds thresholds) {
    ActivityNetGroundTruth truth = ActivityNetGroundTruth.read(groundTruthFile, subset);
    Map<String, List<Prediction>> predictions = ActivityNetPredictions.read(predictionFile);
    DetectionMetrics metrics = new DetectionEvaluation(truth.videos(), thresholds).evaluate(predictions);
    return new FileEvaluation(subset, truth.videos().size(), truth.instanceCount(), metrics);
  }
}
