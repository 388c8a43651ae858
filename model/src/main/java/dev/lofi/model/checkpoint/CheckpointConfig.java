package dev.lofi.model.checkpoint;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.record.CheckpointManifest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a checkpoint manifest's config says about its network: the structure (the keys of
 * {@link NetworkConfig#toMap()}), the head's classes and the fidelities the encoder was trained at,
 * and, for a checkpoint whose encoder was copied from another one (the {@code head} stage's), that
 * one's {@code model@version}; and, where the stage recorded it, the training videos it learnt from,
 * so that a follower can tell new footage from footage a checkpoint already knows.
 *
 * @param labels the head's classes, class {@code i} at index {@code i}
 * @param fidelities the clip fidelities the encoder learnt from
 * @param encoderCheckpoint {@code model@version} of the checkpoint the encoder comes from; null
 *     when it was trained in this one
 * @param trainedOn the training videos learnt from, each id with its revision (which changes when
 *     the video is ingested again or its ground truth changes); empty where the stage did not record them
 */
public record CheckpointConfig(NetworkConfig network, List<String> labels, List<String> fidelities,
    String encoderCheckpoint, Map<String, String> trainedOn) {

  public static final String LABELS = "labels";
  public static final String FIDELITIES = "fidelities";
  public static final String ENCODER_CHECKPOINT = "encoder_checkpoint";
  public static final String TRAINED_ON = "trained_on";

  public CheckpointConfig {
    labels = List.copyOf(labels);
    fidelities = List.copyOf(fidelities);
    trainedOn = Collections.unmodifiableMap(new TreeMap<>(trainedOn));
    if (labels.size() != network.head().numClasses()) {
      throw new IllegalArgumentException(labels.size() + " labels " + labels + " for a head of "
          + network.head().numClasses() + " classes");
    }
  }

  /** A config of a network trained from scratch. */
  public CheckpointConfig(NetworkConfig network, List<String> labels, List<String> fidelities) {
    this(network, labels, fidelities, null);
  }

  /** A config that records no training videos. */
  public CheckpointConfig(NetworkConfig network, List<String> labels, List<String> fidelities,
      String encoderCheckpoint) {
    this(network, labels, fidelities, encoderCheckpoint, Map.of());
  }

  /** Reads the config of {@code manifest}; throws naming the checkpoint if it is not one of a network. */
  public static CheckpointConfig of(CheckpointManifest manifest) {
    Map<String, Object> config = manifest.config();
    try {
      return new CheckpointConfig(NetworkConfig.fromMap(config), strings(config, LABELS),
          strings(config, FIDELITIES), (String) config.get(ENCODER_CHECKPOINT), readTrainedOn(config));
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
    return new CheckpointConfig(network, labels, fidelities, checkpoint, trainedOn);
  }

  /** The same config, recording {@code videos} (id to revision) as the training videos learnt from. */
  public CheckpointConfig withTrainedOn(Map<String, String> videos) {
    return new CheckpointConfig(network, labels, fidelities, encoderCheckpoint, videos);
  }

  /** The manifest's config: the network's map plus labels, fidelities, and the encoder's origin and training videos if any. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(network.toMap());
    map.put(LABELS, labels);
    map.put(FIDELITIES, fidelities);
    if (encoderCheckpoint != null) {
      map.put(ENCODER_CHECKPOINT, encoderCheckpoint);
    }
    if (!trainedOn.isEmpty()) {
      map.put(TRAINED_ON, trainedOn);
    }
    return map;
  }

  private static Map<String, String> readTrainedOn(Map<String, Object> config) {
    Object value = config.get(TRAINED_ON);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> videos)) {
      throw new IllegalArgumentException("config key '" + TRAINED_ON + "' must be an object of video ids to "
          + "revisions, got " + value);
    }
    Map<String, String> revisions = new TreeMap<>();
    videos.forEach((id, revision) -> revisions.put(String.valueOf(id), String.valueOf(revision)));
    return revisions;
  }

  private static List<String> strings(Map<String, Object> config, String key) {
    Object value = config.get(key);
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("config key '" + key + "' must be a list, got " + value);
    }
    return list.stream().map(String::valueOf).toList();
  }
}
