package dev.lofi.model.head.gtad;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.lofi.model.head.HeadFootprint;
import dev.lofi.model.nd.AlignedConvolution;
import java.util.List;

/**
 * G-TAD's GCNeXt block: a video as a graph of snippets with two kinds of edges, each with its
 * own ResNeXt-style bottleneck, summed with the input:
 * <pre>
 * x [B, C, L]
 *   temporal edges (neighbouring snippets): conv 1 C->W, ReLU, conv 3 W->W, ReLU, conv 1 W->C   [B, C, L]
 *   semantic edges (the k nearest snippets in feature space, self included): edge features
 *     (neighbour - self, self) [B, 2C, L, k], conv 1x1 2C->W, ReLU, conv 1x1 W->W, ReLU,
 *     conv 1x1 W->C, max over the k neighbours                                               [B, C, L]
 *   ReLU(x + temporal + semantic)                                                             [B, C, L]
 * </pre>
 * The semantic edges are recomputed from each block's input, so they follow the features as they
 * learn (G-TAD's dynamic graph). G-TAD's 3-tap conv is grouped (32 groups); here every conv is an
 * {@link AlignedConvolution}, which guards oneDNN's channel blocks against unwritten memory and
 * supports one group, so the bottleneck width {@code W} is what keeps the block cheap.
 */
final class GcNext extends AbstractBlock {

  private static final byte VERSION = 1;

  private final int channels;
  private final int width;
  private final int neighbours;
  private final List<Block> temporal;
  private final List<Block> semantic;

  /**
   * @param channels {@code C}, input and output
   * @param width {@code W}, the bottleneck
   * @param neighbours {@code k}, semantic edges per snippet (fewer when a video has fewer snippets)
   */
  GcNext(int channels, int width, int neighbours) {
    super(VERSION);
    this.channels = channels;
    this.width = width;
    this.neighbours = neighbours;
    this.temporal = List.of(
        addChildBlock("temporal_in", conv1d(width, 1)),
        addChildBlock("temporal_mid", conv1d(width, 3)),
        addChildBlock("temporal_out", conv1d(channels, 1)));
    this.semantic = List.of(
        addChildBlock("semantic_in", conv2d(width)),
        addChildBlock("semantic_mid", conv2d(width)),
        addChildBlock("semantic_out", conv2d(channels)));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();                                   // [B, C, L]
    NDArray t = chain(store, temporal, x, training);                         // [B, C, L]
    NDArray self = x.expandDims(3);                                          // [B, C, L, 1]
    NDArray others = neighbourFeatures(x, nearest(x, neighbours));           // [B, C, L, k]
    NDArray edges = NDArrays.concat(new NDList(others.sub(self), self.broadcast(others.getShape())), 1); // [B, 2C, L, k]
    NDArray s = chain(store, semantic, edges, training).max(new int[] {3});  // [B, C, L]
    return new NDList(Activation.relu(x.add(t).add(s)));                     // [B, C, L]
  }

  /**
   * The {@code k} snippets nearest each snippet by Euclidean distance of their features, itself
   * first among equals: {@code [B, C, L]} to indices {@code [B, L, k]}. Not differentiated: the
   * edges are a choice, the features along them carry the gradient.
   */
  static NDArray nearest(NDArray x, int k) {
    NDArray f = x.stopGradient();                                            // [B, C, L]
    NDArray inner = f.transpose(0, 2, 1).batchMatMul(f);                     // [B, L, L]
    NDArray squared = f.square().sum(new int[] {1}, true);                   // [B, 1, L]
    NDArray closeness = inner.add(inner).sub(squared).sub(squared.transpose(0, 2, 1)); // -|xi - xj|^2
    int kept = (int) Math.min(k, x.getShape().get(2));
    return closeness.topK(kept, 2, true, false).get(1);                      // [B, L, k]
  }

  /** The features of each snippet's neighbours: {@code [B, C, L]} and {@code [B, L, k]} to {@code [B, C, L, k]}. */
  static NDArray neighbourFeatures(NDArray x, NDArray nearest) {
    Shape shape = x.getShape();
    long batch = shape.get(0);
    long snippets = shape.get(2);
    long k = nearest.getShape().get(2);
    long[] firstRow = new long[(int) batch];                                 // row of snippet 0 of each video
    for (int b = 0; b < batch; b++) {
      firstRow[b] = b * snippets;
    }
    NDManager manager = x.getManager();
    NDArray rows = nearest.toType(DataType.INT64, false)
        .add(manager.create(firstRow, new Shape(batch, 1, 1))).reshape(-1);    // [B * L * k]
    NDArray nodes = x.transpose(0, 2, 1).reshape(batch * snippets, shape.get(1)); // [B * L, C]
    return nodes.get(rows).reshape(batch, snippets, k, shape.get(1)).transpose(0, 3, 1, 2); // [B, C, L, k]
  }

  /** What {@link HeadFootprint} counts of one video's pass through this block at {@code L} snippets. */
  void tally(HeadFootprint.Tally tally, int snippets) {
    long k = Math.min(neighbours, snippets);
    double edges = (double) channels * snippets * k;
    tally.arrays(width * (double) snippets, 4).arrays(channels * (double) snippets, 1)  // temporal convs and ReLUs
        .multiplyAdds(width * (double) snippets, channels + 3.0 * width)
        .multiplyAdds(channels * (double) snippets, width)
        .arrays((double) snippets * snippets, 3)                                        // distances
        .arrays(edges, 5)                                                               // gather, difference, concat
        .arrays(width * (double) snippets * k, 4).arrays(edges, 1)                      // semantic convs and ReLUs
        .multiplyAdds(width * (double) snippets * k, 2.0 * channels + width)
        .multiplyAdds(edges, width)
        .arrays(channels * (double) snippets, 4);                                       // max, sums, ReLU
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];                                               // [B, C, L]
    if (in.dimension() != 3 || in.get(1) != channels) {
      throw new IllegalArgumentException("expected features [B, " + channels + ", L], got " + in);
    }
    Shape bottleneck = new Shape(in.get(0), width, in.get(2));
    temporal.get(0).initialize(manager, dataType, in);
    temporal.get(1).initialize(manager, dataType, bottleneck);
    temporal.get(2).initialize(manager, dataType, bottleneck);
    Shape edges = new Shape(in.get(0), 2L * channels, in.get(2), 1);
    Shape edgeBottleneck = new Shape(in.get(0), width, in.get(2), 1);
    semantic.get(0).initialize(manager, dataType, edges);
    semantic.get(1).initialize(manager, dataType, edgeBottleneck);
    semantic.get(2).initialize(manager, dataType, edgeBottleneck);
  }

  /** The convs in turn with a ReLU between them, none after the last. */
  private static NDArray chain(ParameterStore store, List<Block> convs, NDArray x, boolean training) {
    NDArray y = x;
    for (int i = 0; i < convs.size(); i++) {
      y = convs.get(i).forward(store, new NDList(y), training).head();
      if (i < convs.size() - 1) {
        y = Activation.relu(y);
      }
    }
    return y;
  }

  static AlignedConvolution conv1d(int filters, int kernel) {
    return AlignedConvolution.of(Conv1d.builder().setKernelShape(new Shape(kernel))
        .optPadding(new Shape(kernel / 2)).setFilters(filters));
  }

  static AlignedConvolution conv2d(int filters) {
    return AlignedConvolution.of(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters));
  }
}
