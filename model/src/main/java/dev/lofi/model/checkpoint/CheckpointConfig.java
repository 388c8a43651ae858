package dev.lofi.model.checkpoint;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.record.CheckpointManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint manifest's config says about its network: the structure (the keys of
 * {@link NetworkConfig#toMap()}), the head's classes and the fidelities the encoder was trained at,
 * and, for a checkpoint whose encoder was copied from another one (the {@code head} stage's), that
 * one's {@code model@version}.
 *
 * @param labels the head's classes, class {@code i} at index {@code i}
 * @param fidelities the clip fidelities the encoder learnt from
 * @param encoderCheckpoint {@code model@version} of the checkpoint the encoder comes from; null
 *     when it was trained in this one
 */
public record CheckpointConfig(NetworkConfig network, List<String> labels, List<String> fidelities,
    String encoderCheckpoint) {

  public static final String LABELS = "labels";
  public static final String FIDELITIES = "fidelities";
  public static final String ENCODER_CHECKPOINT = "encoder_checkpoint";

  public CheckpointConfig {
    labels = List.copyOf(labels);
    fidelities = List.copyOf(fidelities);
    if (labels.size() != network.head().numClasses()) {
      throw new IllegalArgumentException(labels.size() + " labels " + labels + " for a head of "
          + network.head().numClasses() + " classes");
    }
  }

  /** A config of a network trained from scratch. */
  public CheckpointConfig(NetworkConfig network, List<String> labels, List<String> fidelities) {
    this(network, labels, fidelities, null);
  }

  /** Reads the config of {@code manifest}; throws naming the checkpoint if it is not one of a network. */
  public static CheckpointConfig of(CheckpointManifest manifest) {
    Map<String, Object> config = manifest.config();
    try {
      return new CheckpointConfig(NetworkConfig.fromMap(config), strings(config, LABELS),
          strings(config, FIDELITIES), (String) config.get(ENCODER_CHECKPOINT));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("checkpoint " + versionOf(manifest) + " does not describe a network: "
          + e.getMessage(), e);
    }
  }

  /** {@code model@version}: how features and copies name the checkpoint they come from. */
  public static String versionOf(CheckpointManifest manifest) {
    return manifest.model() + "@" + manifest.version();
  }

  /**
   * The {@code model@version} of the checkpoint whose encoder {@code manifest}'s network has: its
   * own, or the one its encoder was copied from.
   */
  public String encoderVersion(CheckpointManifest manifest) {
    return encoderCheckpoint != null ? encoderCheckpoint : versionOf(manifest);
  }

  /** The same config, with the encoder copied from {@code checkpoint} ({@code model@version}). */
  public CheckpointConfig withEncoderFrom(String checkpoint) {
    return new CheckpointConfig(network, labels, fidelities, checkpoint);
  }

  /** The manifest's config: the network's map plus labels, fidelities and the encoder's origin if any. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(network.toMap());
    map.put(LABELS, labels);
    map.put(FIDELITIES, fidelities);
    if (encoderCheckpoint != null) {
      map.put(ENCODER_CHECKPOINT, encoderCheckpoint);
    }
    return map;
  }

  private static List<String> strings(Map<String, Object> config, String key) {
    Object value = config.get(key);
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("config key '" + key + "' must be a list, got " + value);
    }
    return list.stream().map(String::valueOf).toList();
  }
}
