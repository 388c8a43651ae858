package dev.lofi.topics.record;

import java.util.List;

/**
 * The ground-truth actions of one video, after ActivityNet's annotation format.
 *
 * @param videoId the video id; may be empty
 * @param subset the data set split, e.g. {@code training}, {@code validation}; null if none
 * @param durationSeconds media duration
 * @param annotations the actions, possibly none
 */
public record VideoAnnotations(
    String videoId, String subset, double durationSeconds, List<GroundTruthSegment> annotations) {

  public VideoAnnotations {
    Require.nonNull("videoId", videoId);
    Require.positive("durationSeconds", durationSeconds);
    Require.nonNull("annotations", annotations);
    for (int i = 0; i < annotations.size(); i++) {
      Require.nonNull("annotations[" + i + "]", annotations.get(i));
    }
    annotations = List.copyOf(annotations);
  }
}
