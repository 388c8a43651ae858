package dev.lofi.model.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.VideoInfo;
import java.util.List;

/**
 * A temporal action localization head: a DJL {@link Block} from a feature sequence
 * {@code [B, D, L]} (batch, feature dim, snippets; one {@code L} per batch, any {@code L >= 1}) to
 * head-specific outputs, plus what the trainer and the localizer need around it: the loss against
 * ground truth in seconds, and decoding to detections in seconds.
 *
 * <p>The outputs are opaque to callers: they go from {@code forward} to {@link #loss} or
 * {@link #decode} of the same head (or of a head built from the same {@link HeadConfig}). Heads
 * are built by kind through {@link TalHeads}.
 */
public interface TalHead extends Block {

  /** The registry name of this head's kind, e.g. {@link TalHeads#ANCHOR_FREE}. */
  String kind();

  /** The configuration this head was built from; rebuilding from it gives the same structure. */
  HeadConfig config();

  /** Number of action classes {@code K}. */
  int numClasses();

  /**
   * The loss of a batch, its parts and positives.
   *
   * @param outputs what {@code forward} returned for the batch
   * @param targets one per video, in batch order; {@code L} must match the features
   */
  HeadLoss losses(NDList outputs, List<VideoTargets> targets);

  /** The scalar loss to back-propagate: {@code losses(outputs, targets).total()}. */
  default NDArray loss(NDList outputs, List<VideoTargets> targets) {
    return losses(outputs, targets).total();
  }

  /**
   * Detections per video, best first, in seconds clipped to {@code [0, duration]}, at most the
   * decoding's cap (100 by default) per video.
   *
   * @param outputs what {@code forward} returned for the batch
   * @param videos one per video, in batch order
   */
  List<List<Detection>> decode(NDList outputs, List<VideoInfo> videos);

  /**
   * What a training step's forward of one video of {@code snippets} snippets costs through this
   * head, loss included; the head must be initialized (its children know their widths).
   */
  HeadFootprint footprint(int snippets);
}
