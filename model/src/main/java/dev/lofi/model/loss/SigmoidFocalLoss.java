package dev.lofi.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.lofi.model.nd.Scalars;

/**
 * Sigmoid focal loss (Lin et al., RetinaNet), the classification loss of anchor-free TAL heads:
 * per element {@code -alpha_t (1 - p_t)^gamma log(p_t)} with {@code p = sigmoid(logit)},
 * {@code p_t = p} for targets 1 and {@code 1 - p} for targets 0, and
 * {@code alpha_t = alpha} for targets 1 and {@code 1 - alpha} for targets 0.
 */
public final class SigmoidFocalLoss {

  /** RetinaNet's and ActionFormer's weight of the positive class. */
  public static final float ALPHA = 0.25f;
  /** RetinaNet's and ActionFormer's focusing exponent. */
  public static final float GAMMA = 2f;

  private SigmoidFocalLoss() {}

  /** {@link #sum(NDArray, NDArray, float, float)} with alpha 0.25 and gamma 2. */
  public static NDArray sum(NDArray logits, NDArray targets) {
    return sum(logits, targets, ALPHA, GAMMA);
  }

  /**
   * The focal loss summed over all elements: a scalar.
   *
   * @param logits {@code [M, K]} (any shape) raw scores
   * @param targets same shape, in {@code [0, 1]} (one-hot or multi-hot)
   * @param alpha weight of targets 1, in {@code [0, 1]}; negative disables the weighting
   * @param gamma focusing exponent, {@code >= 0}
   */
  public static NDArray sum(NDArray logits, NDArray targets, float alpha, float gamma) {
    return elementwise(logits, targets, alpha, gamma).sum();
  }

  /** The focal loss of each element, same shape as {@code logits}. */
  public static NDArray elementwise(NDArray logits, NDArray targets, float alpha, float gamma) {
    if (!logits.getShape().equals(targets.getShape())) {
      throw new IllegalArgumentException("logits " + logits.getShape() + " and targets " + targets.getShape()
          + " differ in shape");
    }
    NDArray x = logits;                                         // [M, K]
    NDArray t = targets.toType(x.getDataType(), false);         // [M, K]
    // Number operands are avoided on purpose: see Scalars.
    // Binary cross-entropy with logits, the stable form: max(x, 0) - x t + log(1 + exp(-|x|)).
    NDArray ce = Activation.relu(x).sub(x.mul(t)).add(Activation.softPlus(x.abs().neg())); // [M, K]
    NDArray p = Activation.sigmoid(x);                          // [M, K]
    NDArray pt = p.mul(t);                                      // [M, K]
    NDArray oneMinusPt = p.add(t).sub(pt).sub(pt);              // 1 - p_t = p (1 - t) + (1 - p) t
    NDArray modulating = gamma == 2f ? oneMinusPt.square() : oneMinusPt.pow(Scalars.of(x, gamma)); // [M, K]
    NDArray loss = ce.mul(modulating);                          // [M, K]
    if (alpha >= 0) {
      NDArray alphaT = t.mul(Scalars.of(x, 2f * alpha - 1f)).add(Scalars.of(x, 1f - alpha)); // alpha t + (1 - alpha)(1 - t)
      loss = loss.mul(alphaT);
    }
    return loss;
  }
}
