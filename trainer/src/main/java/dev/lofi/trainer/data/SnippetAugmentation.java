package dev.lofi.trainer.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training-time changes of a clip that keep its class, as TSN augments: a horizontal flip, a
 * shift of the frame (the crop of a padded frame), and a change of brightness and contrast. One
 * draw per clip, the same for all its snippets and frames, so the motion is left intact; seeded by
 * the run's seed, the epoch and the clip, so a resumed run draws the same.
 *
 * @param flip whether a clip is mirrored left to right half the time
 * @param maxShift the largest shift, as a share of the frame side (0: none)
 * @param jitter the largest change of brightness (added) and contrast (multiplied, 1 +- jitter),
 *     in units of the normalised pixel values (0: none)
 */
public record SnippetAugmentation(boolean flip, double maxShift, double jitter) {

  /** No change: what evaluation and inference see. */
  public static final SnippetAugmentation NONE = new SnippetAugmentation(false, 0, 0);

  public SnippetAugmentation {
    if (!(maxShift >= 0 && maxShift < 0.5) || !(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("the shift must be in [0, 0.5) of the side and the jitter in [0, 1), got "
          + maxShift + " and " + jitter);
    }
  }

  /**
   * {@code clips} {@code [B, L, T, C, H, W]}, each changed by its own draw; the input itself when
   * nothing is to change.
   *
   * @param clipIds one per clip of the batch, in order
   */
  public NDArray apply(NDArray clips, List<String> clipIds, long seed, int epoch) {
    if (equals(NONE)) {
      return clips;
    }
    long side = clips.getShape().get(4);
    List<NDArray> changed = new ArrayList<>(clipIds.size());
    for (int b = 0; b < clipIds.size(); b++) {
      Random random = EpochOrder.random(seed, epoch, clipIds.get(b) + "#augmentation");
      NDArray clip = clips.get(new NDIndex("{}:{}", b, b + 1)); //              [1, L, T, C, H, W]
      if (flip && random.nextBoolean()) {
        clip = clip.flip(5);
      }
      int reach = (int) Math.round(maxShift * side);
      if (reach > 0) {
        clip = shift(clip, random.nextInt(2 * reach + 1) - reach, random.nextInt(2 * reach + 1) - reach);
      }
      if (jitter > 0) {
        float contrast = (float) (1 + jitter * (2 * random.nextDouble() - 1));
        float brightness = (float) (jitter * (2 * random.nextDouble() - 1));
        clip = clip.mul(contrast).add(brightness);
      }
      changed.add(clip);
    }
    return NDArrays.concat(new NDList(changed), 0);
  }

  /** The clip moved by {@code dy, dx} pixels, the uncovered border zero: ImageNet's mean colour once normalised. */
  private static NDArray shift(NDArray clip, int dy, int dx) {
    if (dy == 0 && dx == 0) {
      return clip;
    }
    long h = clip.getShape().get(4);
    long w = clip.getShape().get(5);
    NDArray moved = clip.zerosLike();
    moved.set(new NDIndex("..., {}:{}, {}:{}", Math.max(0, dy), h + Math.min(0, dy), Math.max(0, dx),
        w + Math.min(0, dx)), clip.get(new NDIndex("..., {}:{}, {}:{}", Math.max(0, -dy), h - Math.max(0, dy),
        Math.max(0, -dx), w - Math.max(0, dx))));
    return moved;
  }
}
