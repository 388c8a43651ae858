package dev.lofi.trainer.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A network's parameters as the bytes a checkpoint carries, and back (DJL's parameter format). */
public final class NetworkCheckpoint {

  private NetworkCheckpoint() {}

  /** The parameters of an initialised network. */
  public static byte[] parameters(LocalizationNetwork network) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      network.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the network's parameters", e);
    }
    return bytes.toByteArray();
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
}
