package dev.lofi.model.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.lofi.model.encoder.SnippetTensor;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointManifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * A network's parameters as the bytes a checkpoint carries, and back (DJL's parameter format); and
 * the checkpoint every stage publishes after an epoch.
 */
public final class NetworkCheckpoint {

  private static final int EXAMPLE_FRAME_SIZE = 64;

  private NetworkCheckpoint() {}

  /** The parameters of an initialised network, or of one of its blocks (a head alone). */
  public static byte[] parameters(Block network) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      network.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the network's parameters", e);
    }
    return bytes.toByteArray();
  }

  /**
   * An input that sizes {@code config}'s network before its parameters are loaded: one snippet of
   * 64 px frames. Any other would do: no parameter's shape depends on the frame size or the number
   * of snippets (the encoder is convolutional and pools, the head convolves over time).
   */
  public static Shape exampleInput(NetworkConfig config) {
    return new Shape(1, 1, config.framesPerSnippet(), SnippetTensor.CHANNELS, EXAMPLE_FRAME_SIZE, EXAMPLE_FRAME_SIZE);
  }

  /**
   * A network of {@code config} with the saved parameters, on {@code manager}.
   *
   * @param exampleInput any input shape the network accepts, {@code [B, L, T, C, H, W]}; it only
   *     initialises the structure
   */
  public static LocalizationNetwork load(NDManager manager, NetworkConfig config, byte[] parameters,
      Shape exampleInput) {
    LocalizationNetwork network = config.build();
    network.initialize(manager, DataType.FLOAT32, exampleInput);
    loadInto(network, manager, parameters, config);
    return network;
  }

  /**
   * Replaces the parameters of {@code network}, already initialised on {@code manager}, with saved
   * ones. A DJL {@code Trainer} must be initialised after this, not before: its initialisation
   * caches every parameter's array, and would go on training the replaced ones (it also makes the
   * loaded arrays record gradients again).
   *
   * @param config the network's config, named when the parameters do not fit
   * @throws IllegalArgumentException if the parameters are of another structure
   */
  public static void loadInto(LocalizationNetwork network, NDManager manager, byte[] parameters,
      NetworkConfig config) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
      network.loadParameters(manager, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint's parameters", e);
    } catch (MalformedModelException e) {
      throw new IllegalArgumentException("the checkpoint does not fit network " + config.toMap() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The network of a checkpoint read from {@code lofi.checkpoints}, its structure rebuilt from the
   * manifest's config.
   *
   * @param exampleInput as for {@link #load(NDManager, NetworkConfig, byte[], Shape)}
   */
  public static LocalizationNetwork load(NDManager manager, Checkpoint checkpoint, Shape exampleInput) {
    return load(manager, CheckpointConfig.of(checkpoint.manifest()).network(), checkpoint.parameters(), exampleInput);
  }

  /**
   * Publishes {@code network}'s parameters as the checkpoint of {@code model} after an epoch and
   * returns once readers see it. The version, {@code <stage>-e<epoch>-s<step>-<8 hex digits of the
   * parameters' SHA-256>}, is unique to the parameters, so features extracted by one run are never
   * taken for those of a re-run that reached the same step.
   *
   * @param epoch the epoch just finished, from 0
   * @param loss the epoch's mean training loss
   */
  public static CheckpointManifest publish(String bootstrap, String model, String stage, int epoch, long step,
      CheckpointConfig config, Map<String, Double> metrics, LocalizationNetwork network) {
    return publish(bootstrap, model, stage, epoch, step, config, metrics, parameters(network));
  }

  /**
   * Publishes a network's parameters saved by {@link #parameters(Block)}, as {@link
   * #publish(String, String, String, int, long, CheckpointConfig, Map, LocalizationNetwork)} does;
   * the same parameters after the same epoch and step get the same version.
   */
  public static CheckpointManifest publish(String bootstrap, String model, String stage, int epoch, long step,
      CheckpointConfig config, Map<String, Double> metrics, byte[] parameters) {
    String version = stage + "-e" + epoch + "-s" + step + "-" + CheckpointChunker.sha256Hex(parameters).substring(0, 8);
    CheckpointManifest manifest = CheckpointChunker.manifest(model, version, stage, epoch, step, config.toMap(),
        metrics, parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.now());
    new CheckpointStore(bootstrap).publish(manifest, parameters);
    return manifest;
  }

  /**
   * Replaces the parameters of {@code network}'s head by {@code headParameters} (a head of the same
   * structure, saved by {@link #parameters(Block)}); the encoder's stay as they are.
   */
  public static void loadHead(NDManager manager, LocalizationNetwork network, byte[] headParameters) {
    loadPart(manager, network.head(), headParameters, "head", network.head().config());
  }

  /**
   * Replaces the parameters of {@code network}'s encoder by {@code encoderParameters} (an encoder of
   * the same structure, saved by {@link #parameters(Block)}); the head's stay as they are.
   */
  public static void loadEncoder(NDManager manager, LocalizationNetwork network, byte[] encoderParameters) {
    loadPart(manager, network.encoder(), encoderParameters, "encoder",
        "of feature width " + network.featureDim());
  }

  private static void loadPart(NDManager manager, Block part, byte[] parameters, String name, Object structure) {
    // DJL names the first parameter that does not fit; the structure says what was expected.
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
      part.loadParameters(manager, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + name + "'s parameters", e);
    } catch (MalformedModelException e) {
      throw new IllegalArgumentException("the saved " + name + " does not fit the network's " + name + " "
          + structure + ": " + e.getMessage(), e);
    }
  }
}
