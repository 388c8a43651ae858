package dev.lofi.model.head.gtad;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.lofi.model.head.HeadLoss;
import dev.lofi.model.head.VideoTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * G-TAD's loss (BMN's, which G-TAD trains with) on one batch, plus the classification branch's:
 * <pre>
 * boundary = balanced BCE(start logits, starts) + balanced BCE(end logits, ends)
 * iou      = iouWeight x IoU-balanced mean of (sigmoid(iou logit) - IoU)^2 over the cells inside
 * proposal = balanced BCE(proposal logit, proposal positives) over the cells inside
 * cls      = classWeight x mean cross-entropy of the class softmax over the classified cells
 * </pre>
 * A balanced BCE gives positives and negatives half the weight each, as BMN's coefficients do.
 * Where BMN samples low-, middle- and high-IoU cells at random to balance the regression, every
 * cell counts here, each IoU band (up to 0.3, to 0.7, above) weighing a third: the expectation of
 * BMN's sampling without its noise, and a loss that is a pure function of the batch. All weights
 * are computed in Java from the targets; the arrays only multiply and sum.
 */
final class GtadLoss {

  /** IoU bands of the regression: BMN's low, middle and high. */
  private static final double[] BANDS = {0.3, 0.7};

  private final float iouWeight;
  private final float classWeight;

  GtadLoss(double iouWeight, double classWeight) {
    this.iouWeight = (float) iouWeight;
    this.classWeight = (float) classWeight;
  }

  /**
   * @param outputs boundary logits {@code [B, 2, L]}, confidence logits {@code [B, 2, M, L]}
   *     (IoU, proposal) and class logits {@code [B, K, M, L]}
   */
  HeadLoss losses(NDList outputs, List<VideoTargets> videos, AnchorGrid grid) {
    NDArray boundaries = outputs.get(0);
    NDArray confidence = outputs.get(1);
    NDArray classes = outputs.get(2);
    int batch = videos.size();
    int snippets = grid.snippets();
    int cells = grid.cells();
    int numClasses = Math.toIntExact(classes.getShape().get(1));
    List<MapTargets> targets = new ArrayList<>(batch);
    for (VideoTargets video : videos) {
      targets.add(MapTargets.of(grid, video, numClasses));
    }

    float[] starts = new float[batch * snippets];                             // [B, L]
    float[] ends = new float[batch * snippets];                               // [B, L]
    float[] iouTargets = new float[batch * cells];                           // [B, M, L]
    float[] proposalTargets = new float[batch * cells];
    boolean[] inside = new boolean[batch * cells];
    float[] classTargets = new float[batch * numClasses * cells];            // [B, K, M, L]
    int classified = 0;
    for (int b = 0; b < batch; b++) {
      MapTargets t = targets.get(b);
      System.arraycopy(t.starts(), 0, starts, b * snippets, snippets);
      System.arraycopy(t.ends(), 0, ends, b * snippets, snippets);
      System.arraycopy(t.iou(), 0, iouTargets, b * cells, cells);
      for (int c = 0; c < cells; c++) {
        inside[b * cells + c] = grid.inside(c);
        proposalTargets[b * cells + c] = t.proposal()[c] ? 1f : 0f;
        if (t.labels()[c] >= 0) {
          classTargets[(b * numClasses + t.labels()[c]) * cells + c] = 1f;
          classified++;
        }
      }
    }
    // Starts and ends are balanced apart, as BMN's two boundary losses are, then laid out as [B, 2, L].
    float[] startWeights = balanced(starts, null);
    float[] endWeights = balanced(ends, null);
    float[] boundaryTargets = new float[batch * 2 * snippets];
    float[] boundaryWeights = new float[batch * 2 * snippets];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(starts, b * snippets, boundaryTargets, 2 * b * snippets, snippets);
      System.arraycopy(ends, b * snippets, boundaryTargets, (2 * b + 1) * snippets, snippets);
      System.arraycopy(startWeights, b * snippets, boundaryWeights, 2 * b * snippets, snippets);
      System.arraycopy(endWeights, b * snippets, boundaryWeights, (2 * b + 1) * snippets, snippets);
    }
    if (classified > 0) {
      for (int i = 0; i < classTargets.length; i++) {
        classTargets[i] /= classified;
      }
    }

    NDManager manager = boundaries.getManager();
    Shape map = new Shape(batch, 1, grid.durations(), snippets);
    NDArray boundaryLoss = weightedBce(boundaries, array(manager, boundaryTargets, boundaries.getShape(), boundaries),
        array(manager, boundaryWeights, boundaries.getShape(), boundaries));                       // []
    NDArray iouLogits = confidence.get(":, 0:1");                                                // [B, 1, M, L]
    NDArray proposalLogits = confidence.get(":, 1:2");                                           // [B, 1, M, L]
    NDArray error = Activation.sigmoid(iouLogits).sub(array(manager, iouTargets, map, confidence)).square();
    NDArray iouLoss = error.mul(array(manager, bandWeights(iouTargets, inside, iouWeight), map, confidence)).sum();
    NDArray proposalLoss = weightedBce(proposalLogits, array(manager, proposalTargets, map, confidence),
        array(manager, balanced(proposalTargets, inside), map, confidence));
    NDArray classLoss = classes.logSoftmax(1).mul(array(manager, classTargets, classes.getShape(), classes)).sum()
        .mul(array(manager, new float[] {-classWeight}, new Shape(), classes));                   // []
    Map<String, NDArray> parts = new LinkedHashMap<>();
    parts.put("boundary", boundaryLoss);
    parts.put("iou", iouLoss);
    parts.put("proposal", proposalLoss);
    parts.put("cls", classLoss);
    NDArray total = boundaryLoss.add(iouLoss).add(proposalLoss).add(classLoss);
    int positives = 0;
    for (float p : proposalTargets) {
      positives += p > 0 ? 1 : 0;
    }
    return new HeadLoss(total, parts, positives);
  }

  /**
   * Weights that give the positives (targets 1) half the total and the negatives the other half,
   * or the whole when the other side is empty; cells outside {@code counted} (when given) weigh 0.
   */
  static float[] balanced(float[] targets, boolean[] counted) {
    int positives = 0;
    int negatives = 0;
    for (int i = 0; i < targets.length; i++) {
      if (counted == null || counted[i]) {
        if (targets[i] > 0) {
          positives++;
        } else {
          negatives++;
        }
      }
    }
    float positiveShare = negatives == 0 ? 1f : 0.5f;
    float negativeShare = positives == 0 ? 1f : 0.5f;
    float[] weights = new float[targets.length];
    for (int i = 0; i < targets.length; i++) {
      if (counted == null || counted[i]) {
        weights[i] = targets[i] > 0 ? positiveShare / positives : negativeShare / negatives;
      }
    }
    return weights;
  }

  /** Each non-empty IoU band weighs the same; within a band every inside cell alike; all times {@code scale}. */
  static float[] bandWeights(float[] iou, boolean[] inside, float scale) {
    int[] counts = new int[BANDS.length + 1];
    for (int i = 0; i < iou.length; i++) {
      if (inside[i]) {
        counts[band(iou[i])]++;
      }
    }
    int nonEmpty = 0;
    for (int count : counts) {
      nonEmpty += count > 0 ? 1 : 0;
    }
    float[] weights = new float[iou.length];
    for (int i = 0; i < iou.length; i++) {
      if (inside[i]) {
        weights[i] = scale / nonEmpty / counts[band(iou[i])];
      }
    }
    return weights;
  }

  private static int band(float iou) {
    int band = 0;
    while (band < BANDS.length && iou > BANDS[band]) {
      band++;
    }
    return band;
  }

  /** {@code sum(w * BCE(x, t))}, BCE with logits in its stable form {@code max(x, 0) - x t + log(1 + exp(-|x|))}. */
  private static NDArray weightedBce(NDArray logits, NDArray targets, NDArray weights) {
    NDArray bce = Activation.relu(logits).sub(logits.mul(targets)).add(Activation.softPlus(logits.abs().neg()));
    return bce.mul(weights).sum();
  }

  /** A constant of {@code like}'s dtype, made on the step's manager. */
  private static NDArray array(NDManager manager, float[] values, Shape shape, NDArray like) {
    return manager.create(values, shape).toType(like.getDataType(), false);
  }
}
