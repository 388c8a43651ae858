package dev.lofi.ingest.synth;

import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.util.List;

/**
 * A clip of one action instance alone (or of none, for {@code background}), for classification
 * pre-training of the encoder.
 */
record TrimmedClip(String label, VideoPlan plan) {

  static final String BACKGROUND = "background";

  /**
   * The clip's file, relative to the trimmed-clips directory: {@code <id>.mp4}, with ids
   * {@code <label>_<n>} unique across labels, so that the directory ingests like any other.
   */
  String file() {
    return plan.id() + ".mp4";
  }

  /** The clip as ground truth: one segment of its label over the whole clip, in {@code subset}. */
  VideoAnnotations annotations(String subset) {
    double duration = plan.durationSeconds();
    return new VideoAnnotations(plan.id(), subset, duration, List.of(new GroundTruthSegment(label, 0, duration)));
  }
}
