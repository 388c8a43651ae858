package dev.lofi.model.head.gtad;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.lofi.model.head.DecodeConfig;
import dev.lofi.model.head.HeadConfig;
import dev.lofi.model.head.HeadFootprint;
import dev.lofi.model.head.HeadLoss;
import dev.lofi.model.head.HeadStructure;
import dev.lofi.model.head.TalHead;
import dev.lofi.model.head.VideoTargets;
import dev.lofi.model.nd.AlignedConvolution;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.TopK;
import dev.lofi.model.segment.VideoInfo;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * G-TAD (Xu et al., CVPR 2020), the head of the LoFi paper's tables: snippets as the nodes of a
 * graph, candidate segments as its sub-graphs, scored on a start-by-duration map.
 * <pre>
 * features [B, D, L]
 *   conv 3 D->H, ReLU; GCNeXt                                       h1 [B, H, L]
 *   boundaries: GCNeXt(h1), conv 1 -> start and end logits             [B, 2, L]
 *   GCNeXt(h1)                                                       h2 [B, H, L]
 *   nodes: h2 and the mean of each snippet's semantic neighbours       [B, 2H, L]
 *   SGAlign: N samples of the nodes along every candidate              [B, 2H N, M, L]
 *   conv 1x1 -> A, ReLU, conv 1x1 -> C, ReLU, 2 x (conv 3x3 C->C, ReLU)  [B, C, M, L]
 *   confidence: conv 1x1 -> IoU and proposal logits                    [B, 2, M, L]
 *   classes: conv 1x1 -> K logits                                      [B, K, M, L]
 * </pre>
 * {@code M} is the longest candidate in snippets ({@link AnchorGrid}); any {@code L >= 1} works,
 * so the same head runs on every fidelity and on the live window.
 *
 * <p>G-TAD takes each video's class from a separate video classifier (UntrimmedNet); here the
 * head classifies every candidate itself from its aligned features, a softmax over {@code K}
 * trained on the candidates that overlap an action (see {@link MapTargets}), so a segment's class
 * comes from its own motion. The two boundary branches of G-TAD share one GCNeXt here.
 *
 * <p><b>Decoding.</b> BMN's proposal score, start x end x IoU x proposal probability, times the
 * class probability, for every candidate and class; then the {@link DecodeConfig}'s threshold,
 * top-k, minimum length and per-class soft-NMS.
 *
 * <p>Build with {@link #builder()}, or by kind {@link #KIND} from a {@link HeadConfig} whose
 * options are {@link #OPTIONS}.
 */
public final class GtadHead extends AbstractBlock implements TalHead {

  /** The registry name of this head. */
  public static final String KIND = "gtad";

  /** Options this kind reads from a {@link HeadConfig}. */
  public static final Set<String> OPTIONS = HeadConfig.union(Set.of("hiddenDim", "width", "neighbours", "samples",
      "maxDuration", "alignDim", "mapDim", "iouWeight", "classWeight"), DecodeConfig.OPTIONS);

  /** Parameter format: bump when the children or parameters change. */
  static final byte VERSION = 1;

  /** Loss arrays per output element: sigmoids, BCEs, the log-softmax and their weights. */
  private static final double LOSS_ARRAYS = 8;

  private final HeadConfig config;
  private final int numClasses;
  private final int inputDim;
  private final int hiddenDim;
  private final int width;
  private final int neighbours;
  private final int samples;
  private final int maxDuration;
  private final int alignDim;
  private final int mapDim;
  private final DecodeConfig decoding;
  private final GtadLoss loss;
  private final Block input;
  private final GcNext backbone;
  private final GcNext boundaryGraph;
  private final Block boundaryOut;
  private final GcNext context;
  private final List<Block> map;
  private final Block confidenceOut;
  private final Block classOut;

  private GtadHead(Builder b) {
    super(VERSION);
    this.config = b.config();
    this.numClasses = b.numClasses;
    this.inputDim = b.inputDim;
    this.hiddenDim = b.hiddenDim;
    this.width = b.width;
    this.neighbours = b.neighbours;
    this.samples = b.samples;
    this.maxDuration = b.maxDuration;
    this.alignDim = b.alignDim;
    this.mapDim = b.mapDim;
    this.decoding = b.decoding;
    this.loss = new GtadLoss(b.iouWeight, b.classWeight);
    this.input = addChildBlock("input", GcNext.conv1d(hiddenDim, 3));
    this.backbone = addChildBlock("backbone", new GcNext(hiddenDim, width, neighbours));
    this.boundaryGraph = addChildBlock("boundary_graph", new GcNext(hiddenDim, width, neighbours));
    this.boundaryOut = addChildBlock("boundary_out", GcNext.conv1d(2, 1));
    this.context = addChildBlock("context", new GcNext(hiddenDim, width, neighbours));
    this.map = List.of(
        addChildBlock("map_align", mapConv(alignDim, 1)),
        addChildBlock("map_reduce", mapConv(mapDim, 1)),
        addChildBlock("map_conv_0", mapConv(mapDim, 3)),
        addChildBlock("map_conv_1", mapConv(mapDim, 3)));
    this.confidenceOut = addChildBlock("confidence_out", mapConv(2, 1));
    this.classOut = addChildBlock("class_out", mapConv(numClasses, 1));
  }

  /** A builder; {@code setNumClasses} and {@code setInputDim} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The head a config describes; options not in {@link #OPTIONS} are rejected. */
  public static GtadHead fromConfig(HeadConfig config) {
    config.requireOnly(KIND, OPTIONS);
    Builder b = builder().setNumClasses(config.numClasses()).setInputDim(config.inputDim());
    return b.optHiddenDim(config.intOption("hiddenDim", b.hiddenDim))
        .optWidth(config.intOption("width", b.width))
        .optNeighbours(config.intOption("neighbours", b.neighbours))
        .optSamples(config.intOption("samples", b.samples))
        .optMaxDuration(config.intOption("maxDuration", b.maxDuration))
        .optAlignDim(config.intOption("alignDim", b.alignDim))
        .optMapDim(config.intOption("mapDim", b.mapDim))
        .optIouWeight(config.doubleOption("iouWeight", b.iouWeight))
        .optClassWeight(config.doubleOption("classWeight", b.classWeight))
        .optDecoding(DecodeConfig.of(config))
        .build();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public HeadConfig config() {
    return config;
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  /** The candidates of a video of {@code snippets} snippets. */
  AnchorGrid grid(int snippets) {
    return new AnchorGrid(snippets, maxDuration);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();                                            // [B, D, L]
    NDArray h1 = backbone.forward(store, new NDList(Activation.relu(
        input.forward(store, new NDList(x), training).head())), training).head();      // [B, H, L]
    NDArray boundaries = boundaryOut.forward(store,
        boundaryGraph.forward(store, new NDList(h1), training), training).head();      // [B, 2, L]
    NDArray h2 = context.forward(store, new NDList(h1), training).head();             // [B, H, L]
    NDArray semantic = GcNext.neighbourFeatures(h2, GcNext.nearest(h2, neighbours)).mean(new int[] {3}); // [B, H, L]
    NDArray nodes = NDArrays.concat(new NDList(h2, semantic), 1);                     // [B, 2H, L]
    NDArray m = align(nodes, grid(Math.toIntExact(x.getShape().get(2))));          // [B, 2H N, M, L]
    for (Block conv : map) {
      m = Activation.relu(conv.forward(store, new NDList(m), training).head());       // [B, A or C, M, L]
    }
    NDArray confidence = confidenceOut.forward(store, new NDList(m), training).head(); // [B, 2, M, L]
    NDArray classes = classOut.forward(store, new NDList(m), training).head();        // [B, K, M, L]
    return new NDList(boundaries, confidence, classes);
  }

  /** SGAlign: {@code [B, C, L]} to {@code [B, C N, M, L]}, zeros for candidates past the video. */
  private NDArray align(NDArray nodes, AnchorGrid grid) {
    Shape shape = nodes.getShape();
    int batch = Math.toIntExact(shape.get(0));
    long channels = shape.get(1);
    int snippets = grid.snippets();
    AnchorGrid.Sampling sampling = grid.sampling(samples);
    int perVideo = sampling.lower().length;                                          // M x L x N
    long[] lower = new long[batch * perVideo];
    long[] upper = new long[batch * perVideo];
    float[] lowerWeight = new float[batch * perVideo];
    float[] upperWeight = new float[batch * perVideo];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < perVideo; i++) {
        lower[b * perVideo + i] = (long) b * snippets + sampling.lower()[i];
        upper[b * perVideo + i] = (long) b * snippets + sampling.upper()[i];
      }
      System.arraycopy(sampling.lowerWeight(), 0, lowerWeight, b * perVideo, perVideo);
      System.arraycopy(sampling.upperWeight(), 0, upperWeight, b * perVideo, perVideo);
    }
    NDManager manager = nodes.getManager();
    Shape column = new Shape((long) batch * perVideo, 1);
    NDArray flat = nodes.transpose(0, 2, 1).reshape((long) batch * snippets, channels);      // [B L, C]
    NDArray below = flat.get(manager.create(lower)).mul(manager.create(lowerWeight, column).toType(nodes.getDataType(), false));
    NDArray above = flat.get(manager.create(upper)).mul(manager.create(upperWeight, column).toType(nodes.getDataType(), false));
    return below.add(above)                                                                  // [B M L N, C]
        .reshape(batch, grid.durations(), snippets, samples, channels)
        .transpose(0, 4, 3, 1, 2)                                                            // [B, C, N, M, L]
        .reshape(batch, channels * samples, grid.durations(), snippets);                     // [B, C N, M, L]
  }

  @Override
  public HeadLoss losses(NDList outputs, List<VideoTargets> targets) {
    checkOutputs(outputs, targets.size(), targets.stream().map(VideoTargets::video).toList());
    return loss.losses(outputs, targets, grid(Math.toIntExact(outputs.get(0).getShape().get(2))));
  }

  @Override
  public List<List<Detection>> decode(NDList outputs, List<VideoInfo> videos) {
    checkOutputs(outputs, videos.size(), videos);
    int snippets = Math.toIntExact(outputs.get(0).getShape().get(2));
    AnchorGrid grid = grid(snippets);
    int cells = grid.cells();
    float[] boundaries = probabilities(outputs.get(0), false);                        // [B, 2, L]
    float[] confidence = probabilities(outputs.get(1), false);                        // [B, 2, M, L]
    float[] classes = probabilities(outputs.get(2), true);                            // [B, K, M, L]
    List<List<Detection>> out = new ArrayList<>(videos.size());
    for (int b = 0; b < videos.size(); b++) {
      float[] scores = new float[cells * numClasses];                                 // cell-major, then class
      for (int cell = 0; cell < cells; cell++) {
        if (!grid.inside(cell)) {
          continue;
        }
        double proposal = boundaries[2 * b * snippets + grid.start(cell)]
            * boundaries[(2 * b + 1) * snippets + grid.end(cell) - 1]
            * confidence[2 * b * cells + cell] * confidence[(2 * b + 1) * cells + cell];
        for (int k = 0; k < numClasses; k++) {
          scores[cell * numClasses + k] = (float) (proposal * classes[(b * numClasses + k) * cells + cell]);
        }
      }
      VideoInfo video = videos.get(b);
      List<Detection> candidates = new ArrayList<>();
      for (int i : TopK.indicesAbove(scores, (float) decoding.preNmsThreshold(), decoding.preNmsTopK())) {
        int cell = i / numClasses;
        double start = video.clip(grid.start(cell) * video.secondsPerSnippet());
        double end = video.clip(grid.end(cell) * video.secondsPerSnippet());
        if (end - start >= decoding.minSnippets() * video.secondsPerSnippet()) {
          candidates.add(new Detection(i % numClasses, start, end, scores[i]));
        }
      }
      out.add(decoding.nms().apply(candidates));
    }
    return out;
  }

  /** Sigmoid of every logit, or softmax over the channel axis; as floats, row-major. */
  private static float[] probabilities(NDArray logits, boolean softmax) {
    NDArray floats = logits.toType(DataType.FLOAT32, false);
    try (NDArray p = softmax ? floats.softmax(1) : Activation.sigmoid(floats)) {
      return p.toFloatArray();
    }
  }

  private void checkOutputs(NDList outputs, int videos, List<VideoInfo> infos) {
    if (outputs.size() != 3) {
      throw new IllegalArgumentException("expected G-TAD's 3 outputs, got " + outputs.size());
    }
    Shape boundaries = outputs.get(0).getShape();
    int snippets = Math.toIntExact(boundaries.get(2));
    Shape map = new Shape(videos, 2, grid(snippets).durations(), snippets);
    if (!boundaries.equals(new Shape(videos, 2, snippets)) || !outputs.get(1).getShape().equals(map)
        || !outputs.get(2).getShape().equals(new Shape(videos, numClasses, map.get(2), snippets))) {
      throw new IllegalArgumentException("expected outputs [" + videos + ", 2, L], [" + videos + ", 2, M, L] and ["
          + videos + ", " + numClasses + ", M, L], got " + boundaries + ", " + outputs.get(1).getShape() + " and "
          + outputs.get(2).getShape());
    }
    for (VideoInfo info : infos) {
      if (info.snippets() != snippets) {
        throw new IllegalArgumentException("outputs are for L = " + snippets + " but a video has " + info.snippets());
      }
    }
  }

  @Override
  public HeadFootprint footprint(int snippets) {
    AnchorGrid grid = grid(snippets);
    double cells = grid.cells();
    double aligned = 2.0 * hiddenDim * samples * cells;
    HeadFootprint.Tally tally = HeadFootprint.tally()
        .arrays(hiddenDim * (double) snippets, 2).multiplyAdds(hiddenDim * (double) snippets, 3.0 * inputDim);
    for (GcNext graph : List.of(backbone, boundaryGraph, context)) {
      graph.tally(tally, snippets);
    }
    tally.arrays(2.0 * snippets, 1).multiplyAdds(2.0 * snippets, hiddenDim)
        .arrays(hiddenDim * (double) snippets * Math.min(neighbours, snippets), 1)
        .arrays(2.0 * hiddenDim * snippets, 3)                          // mean, concat, transpose
        .arrays(aligned, 6)                                              // two gathers, two weightings, sum, reorder
        .arrays(alignDim * cells, 2).multiplyAdds(alignDim * cells, 2.0 * hiddenDim * samples)
        .arrays(mapDim * cells, 2).multiplyAdds(mapDim * cells, alignDim)
        .arrays(mapDim * cells, 4).multiplyAdds(2 * mapDim * cells, 9.0 * mapDim)
        .multiplyAdds((2.0 + numClasses) * cells, mapDim);
    return tally.arrays((2.0 + numClasses) * cells + 2.0 * snippets, LOSS_ARRAYS).footprint();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];                                                         // [B, D, L]
    int snippets = Math.toIntExact(in.get(2));
    long durations = grid(snippets).durations();
    return new Shape[] {new Shape(in.get(0), 2, snippets), new Shape(in.get(0), 2, durations, snippets),
        new Shape(in.get(0), numClasses, durations, snippets)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];                                                         // [B, D, L]
    if (in.dimension() != 3 || in.get(1) != inputDim) {
      throw new IllegalArgumentException("expected features [B, " + inputDim + ", L], got " + in);
    }
    Shape hidden = new Shape(in.get(0), hiddenDim, in.get(2));
    input.initialize(manager, dataType, in);
    for (Block block : List.of(backbone, boundaryGraph, boundaryOut, context)) {
      block.initialize(manager, dataType, hidden);
    }
    long durations = grid(Math.toIntExact(in.get(2))).durations();
    Shape current = new Shape(in.get(0), 2L * hiddenDim * samples, durations, in.get(2));
    for (Block conv : map) {
      conv.initialize(manager, dataType, current);
      current = conv.getOutputShapes(new Shape[] {current})[0];
    }
    confidenceOut.initialize(manager, dataType, current);
    classOut.initialize(manager, dataType, current);
  }

  private Map<String, Integer> structure() {
    Map<String, Integer> s = new LinkedHashMap<>();
    s.put("numClasses", numClasses);
    s.put("inputDim", inputDim);
    s.put("hiddenDim", hiddenDim);
    s.put("width", width);
    s.put("samples", samples);
    s.put("alignDim", alignDim);
    s.put("mapDim", mapDim);
    return s;
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    saveInputShapes(os);
    HeadStructure.write(os, structure());
  }

  @Override
  protected void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
    HeadStructure.checkVersion(version, loadVersion, "GtadHead");
    readInputShapes(is);
    HeadStructure.check(is, structure(), "GtadHead");
  }

  private static AlignedConvolution mapConv(int filters, int kernel) {
    return AlignedConvolution.of(Conv2d.builder().setKernelShape(new Shape(kernel, kernel))
        .optPadding(new Shape(kernel / 2, kernel / 2)).setFilters(filters));
  }

  /**
   * Builds a {@link GtadHead}. Required: {@code setNumClasses}, {@code setInputDim}; the rest
   * default to G-TAD's widths for the paper's {@code L} of 100. Validated in {@link #build()}.
   */
  public static final class Builder {
    private int numClasses;
    private int inputDim;
    private int hiddenDim = 256;
    private int width = 128;
    private int neighbours = 3;
    private int samples = 16;
    private int maxDuration;
    private int alignDim = 512;
    private int mapDim = 128;
    private double iouWeight = 10;
    private double classWeight = 1;
    private DecodeConfig decoding = DecodeConfig.DEFAULT;

    private Builder() {}

    /** Number of action classes {@code K}. */
    public Builder setNumClasses(int numClasses) {
      this.numClasses = numClasses;
      return this;
    }

    /** Feature dim {@code D} of the input {@code [B, D, L]}. */
    public Builder setInputDim(int inputDim) {
      this.inputDim = inputDim;
      return this;
    }

    /** Node features {@code H} of the graph; default 256. */
    public Builder optHiddenDim(int hiddenDim) {
      this.hiddenDim = hiddenDim;
      return this;
    }

    /** Bottleneck width of each GCNeXt; default 128 (G-TAD's 32 groups of 4). */
    public Builder optWidth(int width) {
      this.width = width;
      return this;
    }

    /** Semantic edges per snippet, itself included; default 3. */
    public Builder optNeighbours(int neighbours) {
      this.neighbours = neighbours;
      return this;
    }

    /** SGAlign's samples {@code N} along each candidate; default 16. */
    public Builder optSamples(int samples) {
      this.samples = samples;
      return this;
    }

    /** The longest candidate {@code M} in snippets, 0 for the whole video; default 0. */
    public Builder optMaxDuration(int maxDuration) {
      this.maxDuration = maxDuration;
      return this;
    }

    /** Channels {@code A} of the map's first layer; default 512. */
    public Builder optAlignDim(int alignDim) {
      this.alignDim = alignDim;
      return this;
    }

    /** Channels {@code C} of the map's later layers; default 128. */
    public Builder optMapDim(int mapDim) {
      this.mapDim = mapDim;
      return this;
    }

    /** Weight of the IoU regression against the other parts; default 10, as BMN's. */
    public Builder optIouWeight(double iouWeight) {
      this.iouWeight = iouWeight;
      return this;
    }

    /** Weight of the classification branch; default 1. */
    public Builder optClassWeight(double classWeight) {
      this.classWeight = classWeight;
      return this;
    }

    /** Decoding and soft-NMS; default {@link DecodeConfig#DEFAULT} (top 100 per video). */
    public Builder optDecoding(DecodeConfig decoding) {
      this.decoding = decoding;
      return this;
    }

    /** Validates every value and builds the head. */
    public GtadHead build() {
      for (Map.Entry<String, Integer> e : Map.of("numClasses", numClasses, "inputDim", inputDim, "hiddenDim", hiddenDim,
          "width", width, "neighbours", neighbours, "samples", samples, "alignDim", alignDim, "mapDim", mapDim)
          .entrySet()) {
        require(e.getValue() >= 1, e.getKey() + " must be >= 1, got " + e.getValue());
      }
      require(maxDuration >= 0, "maxDuration must be >= 0 (0 for the whole video), got " + maxDuration);
      require(Double.isFinite(iouWeight) && iouWeight >= 0, "iouWeight must be finite and >= 0, got " + iouWeight);
      require(Double.isFinite(classWeight) && classWeight >= 0,
          "classWeight must be finite and >= 0, got " + classWeight);
      require(decoding != null, "decoding is required");
      return new GtadHead(this);
    }

    /** The config that rebuilds this head: every value explicit. */
    HeadConfig config() {
      Map<String, String> o = new LinkedHashMap<>();
      o.put("hiddenDim", String.valueOf(hiddenDim));
      o.put("width", String.valueOf(width));
      o.put("neighbours", String.valueOf(neighbours));
      o.put("samples", String.valueOf(samples));
      o.put("maxDuration", String.valueOf(maxDuration));
      o.put("alignDim", String.valueOf(alignDim));
      o.put("mapDim", String.valueOf(mapDim));
      o.put("iouWeight", String.valueOf(iouWeight));
      o.put("classWeight", String.valueOf(classWeight));
      o.putAll(decoding.options());
      return new HeadConfig(numClasses, inputDim, o);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
