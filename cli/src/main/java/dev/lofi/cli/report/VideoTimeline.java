package dev.lofi.cli.report;

import dev.lofi.model.segment.Detection;
import dev.lofi.topics.record.GroundTruthSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One held-out video as the timeline plot shows it: its annotated actions and what the localizer
 * detected in it.
 *
 * @param videoId the video's id, for the title
 * @param duration the video's length, seconds
 * @param labels the model's classes, which {@link Detection#label()} indexes
 * @param groundTruth the annotated actions
 * @param detections the localizer's detections, all of them: the plot picks the best
 */
public record VideoTimeline(
    String videoId, double duration, List<String> labels, List<GroundTruthSegment> groundTruth,
    List<Detection> detections) {

  public VideoTimeline {
    if (videoId == null || videoId.isBlank()) {
      throw new IllegalArgumentException("a timeline needs its video's id");
    }
    if (!(duration > 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException(videoId + ": duration must be finite and > 0, got " + duration);
    }
    labels = List.copyOf(labels);
    groundTruth = List.copyOf(groundTruth);
    detections = List.copyOf(detections);
    for (Detection d : detections) {
      if (d.label() >= labels.size()) {
        throw new IllegalArgumentException(videoId + ": detection label " + d.label() + " is not one of the "
            + labels.size() + " labels " + labels);
      }
    }
  }

  /**
   * Every class that may appear, each keeping one colour in both lanes: the model's labels, then
   * any the ground truth has that the model was not trained on.
   */
  public List<String> classes() {
    List<String> classes = new ArrayList<>(labels);
    groundTruth.stream().map(GroundTruthSegment::label).distinct()
        .filter(label -> !labels.contains(label)).forEach(classes::add);
    return classes;
  }

  /** The name of a detection's class. */
  public String label(Detection detection) {
    return labels.get(detection.label());
  }
}
