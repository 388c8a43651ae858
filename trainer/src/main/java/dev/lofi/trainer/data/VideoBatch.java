package dev.lofi.trainer.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lofi.model.encoder.SnippetTensor;
import dev.lofi.model.head.VideoTargets;
import dev.lofi.model.segment.LabeledSegment;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.util.ArrayList;
import java.util.List;

/** Videos of one fidelity turned into what a training step consumes: a video tensor and targets. */
public final class VideoBatch {

  private VideoBatch() {}

  /**
   * {@code [B, L, T, C, H, W]}, normalised, attached to {@code manager} (the step's sub-manager).
   * Every video must have the same L and frame shape: they come from one fidelity.
   */
  public static NDArray videos(NDManager manager, List<VideoClips> batch) {
    return snippets(manager, batch.stream().map(VideoClips::snippets).toList());
  }

  /**
   * {@code [B, L, T, C, H, W]} from each video's chosen snippets, in order: every list must be as
   * long as the first and of one frame shape.
   */
  public static NDArray snippets(NDManager manager, List<List<ClipSnippet>> batch) {
    ClipSnippet first = batch.get(0).get(0);
    int snippets = batch.get(0).size();
    List<byte[]> payloads = new ArrayList<>(batch.size() * snippets);
    for (List<ClipSnippet> video : batch) {
      if (video.size() != snippets) {
        throw new IllegalArgumentException("videos of one batch must have the same number of snippets: "
            + video.get(0).videoId() + " has " + video.size() + ", expected " + snippets);
      }
      video.forEach(s -> payloads.add(s.payload()));
    }
    NDArray flat = SnippetTensor.batchFromRgb(manager, payloads, first.frames(), first.height(), first.width());
    return flat.reshape(batch.size(), snippets, first.frames(), SnippetTensor.CHANNELS, first.height(), first.width());
  }

  /** The input shape of a batch of one such video, {@code [1, L, T, C, H, W]}: what initialises a network. */
  public static Shape inputShape(VideoClips video) {
    return inputShape(video.snippets());
  }

  /** The input shape of a batch of one clip of these snippets, {@code [1, L, T, C, H, W]}. */
  public static Shape inputShape(List<ClipSnippet> snippets) {
    ClipSnippet first = snippets.get(0);
    return new Shape(1, snippets.size(), first.frames(), SnippetTensor.CHANNELS, first.height(), first.width());
  }

  /** The head's targets: each video's ground truth in seconds, labels as indices into {@code labels}. */
  public static List<VideoTargets> targets(List<VideoClips> batch, List<String> labels) {
    List<VideoTargets> targets = new ArrayList<>(batch.size());
    for (VideoClips video : batch) {
      targets.add(targets(video.truth(), video.snippets().size(), labels));
    }
    return targets;
  }

  /**
   * One video's targets for a sequence of {@code snippets}: its ground truth in seconds, labels as
   * indices into {@code labels}; actions of other labels are left out.
   */
  public static VideoTargets targets(VideoAnnotations truth, int snippets, List<String> labels) {
    List<LabeledSegment> segments = new ArrayList<>();
    for (GroundTruthSegment segment : truth.annotations()) {
      int label = labels.indexOf(segment.label());
      if (label >= 0) {
        segments.add(new LabeledSegment(label, segment.start(), segment.end()));
      }
    }
    return VideoTargets.of(truth.durationSeconds(), snippets, segments);
  }
}
