package dev.lofi.trainer.validation;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.head.TalHead;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.VideoInfo;
import dev.lofi.topics.record.FeatureSequence;
import dev.lofi.trainer.data.FeatureSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validation of head training: the head runs on each validation video's extracted
 * full-fidelity features; the frozen encoder is not needed.
 */
public final class FeatureValidation {

  private final List<FeatureSet.Entry> videos;
  private final ValidationScore score;

  private FeatureValidation(List<FeatureSet.Entry> videos, ValidationScore score) {
    this.videos = videos;
    this.score = score;
  }

  /**
   * The validation of a head with {@code labels} on features of {@code versions}, or empty when no
   * annotated video of subset {@code validation} has such features.
   */
  public static Optional<FeatureValidation> load(String bootstrap, Set<String> versions, List<String> labels) {
    List<FeatureSet.Entry> videos = FeatureSet.load(bootstrap, "validation", versions).entries();
    return ValidationScore.of(videos.stream().map(FeatureSet.Entry::truth).toList(), labels)
        .map(score -> new FeatureValidation(videos, score));
  }

  /** Runs {@code head} in inference mode on every validation video's features and scores its detections. */
  public DetectionMetrics run(TalHead head, NDManager manager) {
    Map<String, List<Detection>> detections = new LinkedHashMap<>();
    for (FeatureSet.Entry entry : videos) {
      FeatureSequence features = entry.features();
      try (NDManager video = manager.newSubManager()) {
        NDList outputs = head.forward(new ParameterStore(video, false), new NDList(video.create(features.values(),
            new Shape(1, features.snippetCount(), features.dim())).transpose(0, 2, 1)), false); // [1, D, L]
        VideoInfo info = new VideoInfo(features.durationSeconds(), features.snippetCount());
        detections.put(features.videoId(), head.decode(outputs, List.of(info)).get(0));
      }
    }
    return score.score(detections);
  }
}
