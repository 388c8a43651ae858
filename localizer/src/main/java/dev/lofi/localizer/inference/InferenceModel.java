package dev.lofi.localizer.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lofi.localizer.tracking.SnippetFeature;
import dev.lofi.localizer.tracking.WindowHead;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.encoder.SnippetTensor;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.VideoInfo;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import java.util.List;
import java.util.Set;

/**
 * A checkpoint's network ready for inference, shared by the live service and offline localization
 * so that both find the same actions: full-fidelity snippets in, one feature each; a window of
 * features in, the actions the head finds in it, in seconds.
 *
 * <p>The two halves are apart because live video never has the whole sequence: each snippet is
 * encoded once, when it arrives, and the head runs on a window of stored features.
 *
 * <p>Safe for concurrent use: each call works on a sub-manager of its own, and inference records
 * no gradients. Closing frees the parameters; callers must not close it while a call runs.
 */
public final class InferenceModel implements WindowHead, AutoCloseable {

  /**
   * The trainer's stages whose checkpoints hold a trained localization head: {@code lofi} (joint)
   * and {@code head} (the final one). A {@code pretrain} checkpoint's head was never trained.
   */
  public static final Set<String> LOCALIZING_STAGES = Set.of("lofi", "head");

  private final NDManager manager;
  private final LocalizationNetwork network;
  private final CheckpointConfig config;
  private final String version;
  private final String encoderVersion;

  private InferenceModel(NDManager manager, LocalizationNetwork network, CheckpointConfig config, String version,
      String encoderVersion) {
    this.manager = manager;
    this.network = network;
    this.config = config;
    this.version = version;
    this.encoderVersion = encoderVersion;
  }

  /**
   * The network of {@code checkpoint}, on a manager of its own.
   *
   * @throws IllegalArgumentException naming the checkpoint if it is not of a localizing stage, does
   *     not describe a network, or its parameters do not fit that network
   */
  public static InferenceModel load(Checkpoint checkpoint) {
    String version = CheckpointConfig.versionOf(checkpoint.manifest());
    if (!LOCALIZING_STAGES.contains(checkpoint.manifest().stage())) {
      throw new IllegalArgumentException("checkpoint " + version + " is of stage '" + checkpoint.manifest().stage()
          + "', whose head does not localize; use one of stages " + LOCALIZING_STAGES);
    }
    CheckpointConfig config = CheckpointConfig.of(checkpoint.manifest());
    NDManager manager = NDManager.newBaseManager();
    try {
      LocalizationNetwork network = NetworkCheckpoint.load(manager, config.network(), checkpoint.parameters(),
          NetworkCheckpoint.exampleInput(config.network()));
      return new InferenceModel(manager, network, config, version, config.encoderVersion(checkpoint.manifest()));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** {@code model@version} of the checkpoint: what every segment it finds names. */
  @Override
  public String version() {
    return version;
  }

  /**
   * {@code model@version} of the checkpoint its encoder was trained in: a {@code head} stage
   * checkpoint keeps its source's encoder, so its features are that checkpoint's.
   */
  @Override
  public String encoderVersion() {
    return encoderVersion;
  }

  /** The action classes, class {@code i} at index {@code i}. */
  @Override
  public List<String> labels() {
    return config.labels();
  }

  /** D, the width of a snippet's feature. */
  public int featureDim() {
    return network.featureDim();
  }

  /** T, the frames of the snippets it encodes. */
  public int framesPerSnippet() {
    return config.network().framesPerSnippet();
  }

  /**
   * The features of snippets of one frame size: {@code N} snippets to {@code N * D} floats,
   * snippet after snippet.
   *
   * @throws IllegalArgumentException if a snippet is not uint8 RGB with the network's T frames, or
   *     the snippets differ in frame size
   */
  public float[] encode(List<ClipSnippet> snippets) {
    if (snippets.isEmpty()) {
      return new float[0];
    }
    ClipSnippet first = snippets.get(0);
    for (ClipSnippet snippet : snippets) {
      requireEncodable(snippet, first);
    }
    try (NDManager call = manager.newSubManager()) {
      NDArray batch = SnippetTensor.batchFromRgb(call, snippets.stream().map(ClipSnippet::payload).toList(),
          first.frames(), first.height(), first.width());                                     // [N, T, C, H, W]
      NDArray features = network.encoder().forward(new ParameterStore(call, false), new NDList(batch), false)
          .singletonOrThrow();                                                                 // [N, D]
      return features.toFloatArray();
    }
  }

  /**
   * One live snippet's feature where the snippet sits in its stream: what the sliding window takes
   * ({@link dev.lofi.localizer.tracking.SlidingLocalization#accept}).
   *
   * @throws IllegalArgumentException as {@link #encode} does
   */
  public SnippetFeature feature(ClipSnippet snippet) {
    return new SnippetFeature(snippet.snippetIndex(), snippet.mediaStart(), snippet.mediaEnd(),
        snippet.captureEpochMillis(), encode(List.of(snippet)));
  }

  /**
   * The actions in a window of features, best first, in seconds from the window's start.
   *
   * @param features {@code snippets * D} floats, snippet after snippet, as {@link #encode} gives
   * @param snippets L, the window's snippets; the head takes any {@code L >= 1}
   * @param duration seconds the window's snippets cover, back to back
   */
  @Override
  public List<Detection> localize(float[] features, int snippets, double duration) {
    int dim = featureDim();
    if (features.length != (long) snippets * dim) {
      throw new IllegalArgumentException("expected " + snippets + " x " + dim + " features, got " + features.length);
    }
    VideoInfo window = new VideoInfo(duration, snippets);
    try (NDManager call = manager.newSubManager()) {
      NDArray sequence = call.create(features, new Shape(1, snippets, dim)).transpose(0, 2, 1);  // [1, D, L]
      NDList outputs = network.head().forward(new ParameterStore(call, false), new NDList(sequence), false);
      return network.head().decode(outputs, List.of(window)).get(0);
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  private void requireEncodable(ClipSnippet snippet, ClipSnippet first) {
    int frames = framesPerSnippet();
    if (snippet.endOfStream() || snippet.dtype() != DType.UINT8 || snippet.channels() != SnippetTensor.CHANNELS
        || snippet.frames() != frames) {
      throw new IllegalArgumentException("snippet " + snippet.snippetIndex() + " of '" + snippet.videoId() + "' is "
          + snippet.frames() + "x" + snippet.height() + "x" + snippet.width() + "x" + snippet.channels() + " "
          + snippet.dtype() + (snippet.endOfStream() ? " (an end-of-stream marker)" : "") + "; " + version
          + " encodes uint8 RGB snippets of " + frames + " frames");
    }
    if (snippet.height() != first.height() || snippet.width() != first.width()) {
      throw new IllegalArgumentException("snippets of one call must share a frame size: " + first.height() + "x"
          + first.width() + " and " + snippet.height() + "x" + snippet.width());
    }
  }
}
