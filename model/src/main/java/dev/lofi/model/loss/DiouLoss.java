package dev.lofi.model.loss;

import ai.djl.ndarray.NDArray;
import dev.lofi.model.nd.Scalars;

/**
 * 1D distance-IoU loss (Zheng et al. 2020) on intervals given as distances from a shared point, as
 * anchor-free TAL heads regress them (ActionFormer's centre-DIoU): an interval is
 * {@code (point - left, point + right)} with {@code left, right >= 0}, prediction and target share
 * the point, and the loss is {@code 1 - IoU + (d / c)^2} where {@code d} is the distance between the
 * two centres and {@code c} the length of the smallest interval holding both. In {@code [0, 2]}.
 */
public final class DiouLoss {

  /** Guards divisions by an empty union or hull. */
  public static final float EPS = 1e-8f;

  private DiouLoss() {}

  /**
   * The DIoU loss summed over intervals: a scalar (0 for {@code M = 0}).
   *
   * @param predicted {@code [M, 2]} (left, right) distances, non-negative
   * @param target {@code [M, 2]} (left, right) distances, non-negative
   */
  public static NDArray sum(NDArray predicted, NDArray target) {
    return elementwise(predicted, target).sum();
  }

  /** The DIoU loss of each interval, {@code [M]}. */
  public static NDArray elementwise(NDArray predicted, NDArray target) {
    if (!predicted.getShape().equals(target.getShape()) || predicted.getShape().dimension() != 2
        || predicted.getShape().get(1) != 2) {
      throw new IllegalArgumentException("need [M, 2] offsets of one shape, got " + predicted.getShape() + " and "
          + target.getShape());
    }
    NDArray g = target.toType(predicted.getDataType(), false);
    NDArray lp = predicted.get(":, 0");                 // [M]
    NDArray rp = predicted.get(":, 1");                 // [M]
    NDArray lg = g.get(":, 0");                         // [M]
    NDArray rg = g.get(":, 1");                         // [M]

    NDArray intersection = lp.minimum(lg).add(rp.minimum(rg));            // [M]
    NDArray union = lp.add(rp).add(lg).add(rg).sub(intersection);         // [M]
    NDArray iou = intersection.div(union.clip(EPS, Float.MAX_VALUE));     // [M]

    NDArray hull = lp.maximum(lg).add(rp.maximum(rg));                    // [M] length of the enclosing interval
    NDArray centreDistance = rp.sub(lp).sub(rg).add(lg).mul(Scalars.of(predicted, 0.5)); // [M] ((rp - lp) - (rg - lg)) / 2
    NDArray penalty = centreDistance.square().div(hull.square().clip(EPS, Float.MAX_VALUE)); // [M]
    return Scalars.of(predicted, 1).sub(iou).add(penalty);                // [M]
  }
}
