package dev.lofi.trainer.validation;

import dev.lofi.model.evaluation.ActionInstance;
import dev.lofi.model.evaluation.DetectionEvaluation;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.evaluation.Prediction;
import dev.lofi.model.evaluation.TiouThresholds;
import dev.lofi.model.segment.Detection;
import dev.lofi.topics.record.VideoAnnotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a network's detections on the validation videos as {@code lofi evaluate} scores a
 * predictions file (ActivityNet's mAP at tIoU 0.5:0.95:10), so the mAP a training run reports per
 * epoch is the number a user would measure.
 */
public final class ValidationScore {

  private final DetectionEvaluation evaluation;
  private final List<String> labels;

  private ValidationScore(DetectionEvaluation evaluation, List<String> labels) {
    this.evaluation = evaluation;
    this.labels = List.copyOf(labels);
  }

  /**
   * A score against {@code truth}, or empty when it holds no action to find.
   *
   * @param labels the head's classes, class {@code i} at index {@code i}
   */
  public static Optional<ValidationScore> of(List<VideoAnnotations> truth, List<String> labels) {
    Map<String, List<ActionInstance>> instances = new LinkedHashMap<>();
    for (VideoAnnotations video : truth) {
      instances.put(video.videoId(), video.annotations().stream()
          .map(s -> new ActionInstance(s.label(), s.start(), s.end())).toList());
    }
    if (instances.values().stream().allMatch(List::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(new ValidationScore(new DetectionEvaluation(instances, TiouThresholds.ACTIVITYNET), labels));
  }

  /** mAP of {@code detections}, video id to the head's detections in that video. */
  public DetectionMetrics score(Map<String, List<Detection>> detections) {
    Map<String, List<Prediction>> predictions = new LinkedHashMap<>();
    detections.forEach((video, found) -> predictions.put(video,
        found.stream().map(d -> Prediction.of(d, labels)).toList()));
    return evaluation.evaluate(predictions);
  }

  /**
   * An epoch's checkpoint metrics: its mean training loss, and the validation's when there was
   * one (see {@link #checkpointMetrics(DetectionMetrics)}).
   */
  public static Map<String, Double> epochMetrics(double loss, Optional<DetectionMetrics> validated) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("loss", loss);
    validated.ifPresent(metrics -> values.putAll(checkpointMetrics(metrics)));
    return values;
  }

  /** The checkpoint metrics of a validation: average mAP and mAP at each threshold. */
  public static Map<String, Double> checkpointMetrics(DetectionMetrics metrics) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("average_map", metrics.averageMAP());
    for (int i = 0; i < metrics.tiou().size(); i++) {
      values.put(String.format(Locale.ROOT, "map@%.2f", metrics.tiou().get(i)), metrics.mAP().get(i));
    }
    return values;
  }
}
