package dev.lofi.localizer.inference;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.head.gtad.GtadHead;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Checkpoints of tiny untrained networks, and snippets they take, for localizer tests. */
public final class TestCheckpoints {

  /** T of the tiny network. */
  public static final int FRAMES = 2;
  /** Frame size of the test snippets. */
  public static final int FRAME_SIZE = 16;
  /** The tiny network's classes. */
  public static final List<String> LABELS = List.of("bounce", "spin");

  /**
   * The full fidelity that test videos are decoded at for the tiny network: T frames, every second
   * source frame, {@link #FRAME_SIZE} px.
   */
  public static final Fidelity FULL = new Fidelity(FidelityPreset.FULL, 1, FRAME_SIZE, FRAMES, 2);

  private static final NetworkConfig NETWORK = network(FRAMES);

  private TestCheckpoints() {}

  /** The tiny network, for snippets of {@code frames} frames. */
  public static NetworkConfig network(int frames) {
    return TinyNetworks.builder(LABELS.size()).optFramesPerSnippet(frames).optStemStride(1).build();
  }

  /** The tiny network with a tiny G-TAD head in place of the anchor-free one. */
  public static NetworkConfig gtadNetwork(int frames) {
    return network(frames).withHead(GtadHead.KIND, Map.of("hiddenDim", "16", "width", "16", "samples", "4",
        "alignDim", "32", "mapDim", "16"));
  }

  /** A checkpoint of {@code model} at {@code stage} holding a network initialised from {@code seed}. */
  public static Checkpoint tiny(String model, String stage, long seed) {
    return tiny(model, stage, seed, NETWORK);
  }

  /** A checkpoint of {@code network} (a {@link #network}) as {@link #tiny(String, String, long)} makes one. */
  public static Checkpoint tiny(String model, String stage, long seed, NetworkConfig network) {
    try (NDManager manager = NDManager.newBaseManager()) {
      manager.getEngine().setRandomSeed((int) seed);
      LocalizationNetwork built = network.build();
      built.initialize(manager, DataType.FLOAT32, NetworkCheckpoint.exampleInput(network));
      byte[] parameters = NetworkCheckpoint.parameters(built);
      Map<String, Object> config = new CheckpointConfig(network, LABELS, List.of("s", "t", "st")).toMap();
      String version = stage + "-e0-s1-" + CheckpointChunker.sha256Hex(parameters).substring(0, 8);
      return new Checkpoint(CheckpointChunker.manifest(model, version, stage, 0, 1, config, Map.of(), parameters,
          CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.EPOCH), parameters);
    }
  }

  /**
   * A checkpoint of {@code model} whose manifest is sound (stage {@code head}, the tiny network's
   * config, the SHA-256 of its parameters) but whose parameters are not a network's.
   */
  public static Checkpoint unloadable(String model, long seed) {
    byte[] parameters = new byte[4096];
    new Random(seed).nextBytes(parameters);
    Map<String, Object> config = new CheckpointConfig(NETWORK, LABELS, List.of("s", "t", "st")).toMap();
    String version = "head-e0-s1-" + CheckpointChunker.sha256Hex(parameters).substring(0, 8);
    return new Checkpoint(CheckpointChunker.manifest(model, version, "head", 0, 1, config, Map.of(), parameters,
        CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.EPOCH), parameters);
  }

  /** Live snippet {@code index} of {@code stream}, one second long, of pixels drawn from {@code seed}. */
  public static ClipSnippet snippet(String stream, int index, long seed) {
    byte[] payload = new byte[FRAMES * FRAME_SIZE * FRAME_SIZE * 3];
    new Random(seed * 7919 + index).nextBytes(payload);
    return new ClipSnippet(stream, "full", index, ClipSnippet.UNKNOWN_COUNT, index, index + 1.0,
        captureMillis(index), false, false, FRAMES, FRAME_SIZE, FRAME_SIZE, 3, DType.UINT8, payload);
  }

  /** The end-of-stream marker after {@code snippets} snippets of {@code stream}. */
  public static ClipSnippet endOfStream(String stream, int snippets) {
    return ClipSnippet.endOfStreamMarker(stream, "full", snippets, snippets, captureMillis(snippets));
  }

  /** A whole live stream: {@code snippets} snippets drawn from {@code seed}, then its end-of-stream marker. */
  public static List<ClipSnippet> stream(String stream, int snippets, long seed) {
    List<ClipSnippet> records = new ArrayList<>();
    for (int index = 0; index < snippets; index++) {
      records.add(snippet(stream, index, seed));
    }
    records.add(endOfStream(stream, snippets));
    return records;
  }

  /** When snippet {@code index} of a test stream was captured: its end, on a real-time clock. */
  public static long captureMillis(int index) {
    return 1_700_000_000_000L + index * 1000L;
  }
}
