package dev.lofi.model.head;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Convolution;
import dev.lofi.model.loss.DiouLoss;
import dev.lofi.model.loss.SigmoidFocalLoss;
import dev.lofi.model.nd.Scalars;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.TopK;
import dev.lofi.model.segment.VideoInfo;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The family of anchor-free point heads (ActionFormer, TemporalMaxer, AFSD-style): a subclass
 * only builds the network, which must return, for features {@code [B, D, L]},
 * <ul>
 *   <li>{@code cls [B, P, K]}: class logits at every point of the {@link PointPyramid} of
 *       {@code L}, levels finest first;
 *   <li>{@code reg [B, P, 2]}: non-negative distances from each point to the action's start and
 *       end, in units of the point's stride.
 * </ul>
 * This base owns the rest: the points, target assignment ({@link TargetAssigner}), the loss and
 * decoding.
 *
 * <p><b>Loss.</b> {@code (focal(cls) + w * DIoU(reg on positives)) / max(M, 1)}: sigmoid focal
 * loss summed over every point and class, DIoU summed over the {@code M} positive points of the
 * batch, both divided by {@code M} counted per batch. ActionFormer divides by an exponential moving
 * average of {@code M} instead; a per-batch count keeps the loss a pure function of the batch (no
 * state to checkpoint, validation losses cannot perturb training), and LoFi's changes of {@code L}
 * change {@code M} at once, which the count follows and an average would lag behind. A batch
 * without any action gives a finite focal loss and a regression part of 0.
 *
 * <p><b>Decoding.</b> Sigmoid scores above a threshold, the best {@code preNmsTopK} of them,
 * offsets to grid positions to seconds, clipped to {@code [0, duration]}, too-short ones dropped,
 * then per-class Gaussian soft-NMS with a cap per video ({@link DecodeConfig}).
 *
 * <p><b>Checkpoints.</b> The version byte of the subclass is written before the parameters, with
 * the structure ({@link #structure()}); loading checks both and names what differs.
 */
public abstract class AbstractPointHead extends AbstractBlock implements TalHead {

  /** A convolution and the activation (ReLU, or scale and softplus) that follows it in forward. */
  private static final double CONV_ARRAYS = 2;
  /** A channel layer norm: centred, squared, normalised, scaled, shifted, then the ReLU. */
  private static final double NORM_ARRAYS = 6;
  /** Loss arrays per output element: sigmoid focal loss and DIoU run about a dozen element-wise ops. */
  private static final double LOSS_ARRAYS = 12;

  private final HeadConfig config;
  private final int numClasses;
  private final int levels;
  private final double[][] ranges;
  private final TargetAssigner assigner;
  private final float regressionWeight;
  private final DecodeConfig decoding;

  /**
   * @param version the subclass's parameter format; bump it when its structure changes
   * @param config what the head was built from, reported by {@link #config()}
   * @param levels pyramid levels
   * @param centreRadius centre-sampling radius, strides
   * @param regressionWeight weight {@code w} of the DIoU part
   */
  protected AbstractPointHead(byte version, HeadConfig config, int levels, double centreRadius,
      double regressionWeight, DecodeConfig decoding) {
    super(version);
    this.config = config;
    this.numClasses = config.numClasses();
    this.levels = levels;
    this.ranges = PointPyramid.defaultRanges(levels);
    this.assigner = new TargetAssigner(centreRadius);
    this.regressionWeight = (float) regressionWeight;
    this.decoding = decoding;
  }

  @Override
  public HeadConfig config() {
    return config;
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  /** Pyramid levels. */
  public int levels() {
    return levels;
  }

  /** The decoding {@link #decode} applies. */
  public DecodeConfig decoding() {
    return decoding;
  }

  /** The points for {@code snippets}: the order of the outputs' {@code P} axis. */
  public PointPyramid pyramid(int snippets) {
    return new PointPyramid(snippets, levels, ranges);
  }

  /** {@code [B, D, L]} to {@code [B, P, K]} and {@code [B, P, 2]}. */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    long points = PointPyramid.size(Math.toIntExact(in.get(2)), levels);
    return new Shape[] {new Shape(in.get(0), points, numClasses), new Shape(in.get(0), points, 2)};
  }

  @Override
  public HeadLoss losses(NDList outputs, List<VideoTargets> targets) {
    NDArray cls = outputs.get(0);                      // [B, P, K]
    NDArray reg = outputs.get(1);                      // [B, P, 2]
    int batch = Math.toIntExact(cls.getShape().get(0));
    int points = Math.toIntExact(cls.getShape().get(1));
    checkBatch(cls, reg, targets.size());
    PointPyramid pyramid = pyramidOf(targets.stream().map(VideoTargets::video).toList(), points);

    float[] classTargets = new float[batch * points * numClasses];
    List<TargetAssigner.Assignment> assigned = new ArrayList<>(batch);
    int positives = 0;
    for (int b = 0; b < batch; b++) {
      TargetAssigner.Assignment a = assigner.assign(pyramid, targets.get(b), numClasses);
      System.arraycopy(a.classTargets(), 0, classTargets, b * points * numClasses, points * numClasses);
      assigned.add(a);
      positives += a.positiveCount();
    }
    long[] positiveRows = new long[positives];                // rows of reg flattened to [B * P, 2]
    float[] offsetTargets = new float[positives * 2];         // [M, 2]
    int m = 0;
    for (int b = 0; b < batch; b++) {
      TargetAssigner.Assignment a = assigned.get(b);
      System.arraycopy(a.offsets(), 0, offsetTargets, 2 * m, a.offsets().length);
      for (int p : a.positives()) {
        positiveRows[m++] = (long) b * points + p;
      }
    }

    NDManager manager = cls.getManager();
    float normaliser = Math.max(positives, 1);
    NDArray clsTargets = manager.create(classTargets, new Shape(batch, points, numClasses)); // [B, P, K]
    NDArray clsLoss = SigmoidFocalLoss.sum(cls, clsTargets).div(Scalars.of(cls, normaliser)); // []
    NDArray regLoss;
    if (positives > 0) {
      NDArray predicted = reg.reshape(batch * (long) points, 2).get(manager.create(positiveRows)); // [M, 2]
      NDArray expected = manager.create(offsetTargets, new Shape(positives, 2));                  // [M, 2]
      regLoss = DiouLoss.sum(predicted, expected).mul(Scalars.of(reg, regressionWeight / normaliser)); // []
    } else {
      regLoss = manager.zeros(new Shape(), cls.getDataType());                                    // []
    }
    Map<String, NDArray> parts = new LinkedHashMap<>();
    parts.put("cls", clsLoss);
    parts.put("reg", regLoss);
    return new HeadLoss(clsLoss.add(regLoss), parts, positives);
  }

  @Override
  public List<List<Detection>> decode(NDList outputs, List<VideoInfo> videos) {
    NDArray cls = outputs.get(0);                      // [B, P, K]
    NDArray reg = outputs.get(1);                      // [B, P, 2]
    int points = Math.toIntExact(cls.getShape().get(1));
    checkBatch(cls, reg, videos.size());
    PointPyramid pyramid = pyramidOf(videos, points);
    float[] scores;
    try (NDArray probabilities = Activation.sigmoid(cls.toType(DataType.FLOAT32, false))) {
      scores = probabilities.toFloatArray();             // [B * P * K]
    }
    float[] offsets = reg.toType(DataType.FLOAT32, false).toFloatArray(); // [B * P * 2]
    int perVideo = points * numClasses;
    List<List<Detection>> out = new ArrayList<>(videos.size());
    for (int b = 0; b < videos.size(); b++) {
      VideoInfo video = videos.get(b);
      float[] videoScores = Arrays.copyOfRange(scores, b * perVideo, (b + 1) * perVideo);
      int[] best = TopK.indicesAbove(videoScores, (float) decoding.preNmsThreshold(), decoding.preNmsTopK());
      List<Detection> candidates = new ArrayList<>(best.length);
      for (int i : best) {
        int p = i / numClasses;
        int row = 2 * (b * points + p);
        double x = pyramid.position(p);
        int stride = pyramid.stride(p);
        double start = video.clip(video.toSeconds(x - offsets[row] * stride));
        double end = video.clip(video.toSeconds(x + offsets[row + 1] * stride));
        if (!(end - start >= decoding.minSnippets() * video.secondsPerSnippet())) {
          continue;
        }
        candidates.add(new Detection(i % numClasses, start, end, videoScores[i]));
      }
      out.add(decoding.nms().apply(candidates));
    }
    return out;
  }

  /**
   * Each child over the whole pyramid of one video, {@code [1, C, P]}: the towers run on every
   * level, so their points add up to the pyramid's; then the loss over the outputs.
   */
  @Override
  public HeadFootprint footprint(int snippets) {
    long points = PointPyramid.size(snippets, levels);
    HeadFootprint.Tally tally = HeadFootprint.tally();
    for (Block child : getChildren().values()) {
      Shape atPyramid = new Shape(1, child.getInputShapes()[0].get(1), points);   // [1, C, P]
      Shape out = child.getOutputShapes(new Shape[] {atPyramid})[0];
      if (child instanceof Convolution convolution) {
        tally.arrays(out.size(), CONV_ARRAYS).multiplyAdds(out.size(),
            atPyramid.get(1) / convolution.getGroups() * convolution.getKernelShape().size());
      } else {
        tally.arrays(out.size(), NORM_ARRAYS);
      }
    }
    return tally.arrays(points * numClasses, LOSS_ARRAYS).arrays(points * 2, LOSS_ARRAYS).footprint();
  }

  /**
   * The structural values a checkpoint must agree on (class count, dims, levels, layers), by
   * name, in a fixed order. Written after the version byte, checked on load.
   */
  protected abstract Map<String, Integer> structure();

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    saveInputShapes(os);
    HeadStructure.write(os, structure());
  }

  @Override
  protected void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
    HeadStructure.checkVersion(version, loadVersion, getClass().getSimpleName());
    readInputShapes(is);
    HeadStructure.check(is, structure(), getClass().getSimpleName());
  }

  private void checkBatch(NDArray cls, NDArray reg, int videos) {
    Shape c = cls.getShape();
    Shape r = reg.getShape();
    if (c.dimension() != 3 || c.get(2) != numClasses || r.dimension() != 3 || r.get(2) != 2
        || r.get(0) != c.get(0) || r.get(1) != c.get(1)) {
      throw new IllegalArgumentException("expected outputs [B, P, " + numClasses + "] and [B, P, 2], got " + c
          + " and " + r);
    }
    if (c.get(0) != videos) {
      throw new IllegalArgumentException("outputs hold " + c.get(0) + " videos but " + videos + " were given");
    }
  }

  /** The pyramid of the batch's single {@code L}, checked against the outputs' {@code P}. */
  private PointPyramid pyramidOf(List<VideoInfo> videos, int points) {
    int snippets = videos.isEmpty() ? 1 : videos.get(0).snippets();
    for (VideoInfo v : videos) {
      if (v.snippets() != snippets) {
        throw new IllegalArgumentException("a batch has one L; got " + snippets + " and " + v.snippets());
      }
    }
    PointPyramid pyramid = pyramid(snippets);
    if (!videos.isEmpty() && pyramid.size() != points) {
      throw new IllegalArgumentException("outputs have " + points + " points but L = " + snippets + " with " + levels
          + " levels gives " + pyramid.size());
    }
    return pyramid;
  }
}
