package dev.lofi.trainer.validation;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.VideoInfo;
import dev.lofi.trainer.data.ClipFetcher;
import dev.lofi.trainer.data.TrainingSet;
import dev.lofi.trainer.data.VideoBatch;
import dev.lofi.trainer.data.VideoClips;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validation of joint training: the whole network, encoder included, runs on each validation
 * video's full-fidelity snippets, as the localizer will see them, whatever fidelity it trains at.
 */
public final class VideoValidation {

  private final String fidelity;
  private final List<TrainingSet.Entry> videos;
  private final ValidationScore score;

  private VideoValidation(String fidelity, List<TrainingSet.Entry> videos, ValidationScore score) {
    this.fidelity = fidelity;
    this.videos = videos;
    this.score = score;
  }

  /**
   * The validation of a network with {@code labels}, or empty when the cluster has no annotated,
   * complete video of subset {@code validation} at {@code fidelity} (full: inference's).
   */
  public static Optional<VideoValidation> load(String bootstrap, String fidelity, List<String> labels) {
    List<TrainingSet.Entry> videos = TrainingSet.load(bootstrap, fidelity, "validation").entries();
    return ValidationScore.of(videos.stream().map(TrainingSet.Entry::truth).toList(), labels)
        .map(score -> new VideoValidation(fidelity, videos, score));
  }

  /**
   * Runs {@code network} in inference mode on every validation video, one at a time (on a
   * sub-manager of {@code manager} freed after each), and scores its detections.
   */
  public DetectionMetrics run(LocalizationNetwork network, NDManager manager, ClipFetcher fetcher) {
    Map<String, List<Detection>> detections = new LinkedHashMap<>();
    for (TrainingSet.Entry entry : videos) {
      VideoClips clips = fetcher.require(entry, fidelity);
      try (NDManager video = manager.newSubManager()) {
        NDList outputs = network.forward(new ParameterStore(video, false),
            new NDList(VideoBatch.videos(video, List.of(clips))), false);
        VideoInfo info = new VideoInfo(entry.video().durationSeconds(), clips.snippets().size());
        detections.put(entry.video().videoId(), network.head().decode(outputs, List.of(info)).get(0));
      }
    }
    return score.score(detections);
  }
}
