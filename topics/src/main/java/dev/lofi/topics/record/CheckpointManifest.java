package dev.lofi.topics.record;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Describes one checkpoint of a model: where training was, how it was configured and scored, and
 * the size and SHA-256 of its parameters, which travel as {@link CheckpointChunk}s.
 *
 * @param model model name, the record key; without {@code '/'}
 * @param version checkpoint version, unique per model
 * @param stage the training stage that produced it, e.g. {@code pretrain}, {@code lofi}, {@code head}
 * @param epoch epochs completed
 * @param step optimizer steps completed
 * @param config the configuration it was trained with, as a JSON object (values may be null)
 * @param metrics finite scores by name, e.g. {@code average_map}
 * @param sha256 SHA-256 of the whole parameters, 64 lower-case hex digits
 * @param sizeBytes length of the whole parameters
 * @param chunkCount chunks the parameters were split into; 0 for empty parameters
 * @param created when the checkpoint was written
 */
public record CheckpointManifest(
    String model,
    String version,
    String stage,
    int epoch,
    long step,
    Map<String, Object> config,
    Map<String, Double> metrics,
    String sha256,
    long sizeBytes,
    int chunkCount,
    Instant created) implements CheckpointRecord {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public CheckpointManifest {
    CheckpointKeys.requireModelName(model);
    Require.nonBlank("version", version);
    Require.nonBlank("stage", stage);
    Require.atLeast("epoch", epoch, 0);
    Require.atLeast("step", step, 0);
    // Copies keep insertion order, so that the JSON reads back in the order it was written.
    Require.nonNull("config", config).keySet().forEach(key -> Require.nonNull("config key", key));
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    Require.nonNull("metrics", metrics).forEach((name, value) -> {
      Require.nonNull("metrics key", name);
      Require.finite("metrics." + name, Require.nonNull("metrics." + name, value));
    });
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + Require.quoted(sha256));
    }
    Require.atLeast("sizeBytes", sizeBytes, 0);
    Require.atLeast("chunkCount", chunkCount, 0);
    Require.nonNull("created", created);
  }
}
