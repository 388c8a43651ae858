package dev.lofi.model.head;

import dev.lofi.model.segment.LabeledSegment;
import dev.lofi.model.segment.VideoInfo;
import java.util.List;

/**
 * The ground truth of one video as the head's loss takes it: its duration and snippet count, and
 * its actions in seconds. A video without actions is allowed (all its points are negatives).
 *
 * @param video duration and {@code L}; {@code L} must be the length of the features the head saw
 * @param segments the annotated actions, seconds; parts beyond the video are clipped away
 */
public record VideoTargets(VideoInfo video, List<LabeledSegment> segments) {

  public VideoTargets {
    if (video == null || segments == null) {
      throw new IllegalArgumentException("video and segments are required");
    }
    segments = List.copyOf(segments);
  }

  /** Convenience: {@code new VideoTargets(new VideoInfo(duration, snippets), segments)}. */
  public static VideoTargets of(double duration, int snippets, List<LabeledSegment> segments) {
    return new VideoTargets(new VideoInfo(duration, snippets), segments);
  }
}
