package dev.lofi.model.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A checkpoint as files for tools outside Kafka: DJL's {@code NAME-0000.params} (loadable with
 * {@code Model.load(dir, NAME)} into a network built from the same config) and {@code NAME.json}
 * with the manifest (config, stage, epoch, metrics, SHA-256 of the parameters). Written by
 * {@code lofi train --export}, read back by {@code lofi train --init} and {@code lofi localize files
 * --checkpoint PATH}.
 */
public final class CheckpointExport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .findAndRegisterModules();

  // DJL's Model.save names the parameters NAME-EPOCH.params; an export is epoch 0.
  private static final String PARAMS_SUFFIX = "-0000.params";

  private CheckpointExport() {}

  /**
   * Writes {@code checkpoint}, a network of {@code config}, as {@code NAME-0000.params} and
   * {@code NAME.json} in {@code dir}, NAME being its model.
   *
   * @return the parameters file written
   */
  public static Path write(Path dir, NetworkConfig config, Checkpoint checkpoint) {
    String name = checkpoint.manifest().model();
    try (Model model = Model.newInstance(name)) {
      LocalizationNetwork network = NetworkCheckpoint.load(model.getNDManager(), config, checkpoint.parameters(),
          NetworkCheckpoint.exampleInput(config));
      model.setBlock(network);
      Files.createDirectories(dir);
      model.setProperty("lofi.version", checkpoint.manifest().version());
      model.save(dir, name);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("model", name);
      manifest.put("version", checkpoint.manifest().version());
      manifest.put("stage", checkpoint.manifest().stage());
      manifest.put("epoch", checkpoint.manifest().epoch());
      manifest.put("step", checkpoint.manifest().step());
      manifest.put("config", checkpoint.manifest().config());
      manifest.put("metrics", checkpoint.manifest().metrics());
      manifest.put("sha256", checkpoint.manifest().sha256());
      manifest.put("created", checkpoint.manifest().created().toString());
      JSON.writeValue(dir.resolve(name + ".json").toFile(), manifest);
      return dir.resolve(name + PARAMS_SUFFIX);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export checkpoint " + name + " to " + dir, e);
    }
  }

  /**
   * A checkpoint written by {@link #write}.
   *
   * @param file the {@code .params} file read
   * @param network the structure its {@code .json} describes
   * @param checkpoint the manifest as exported, with the parameters as checkpoints carry them
   *     ({@link NetworkCheckpoint#parameters}); its SHA-256 and size are those of these bytes, which
   *     differ from the exported ones: DJL's parameter bytes record the input shape the network
   *     was initialised with
   */
  public record Exported(Path file, NetworkConfig network, Checkpoint checkpoint) {}

  /**
   * Reads what {@link #write} wrote: the manifest and structure from {@code NAME.json}, then the
   * parameters into that structure.
   *
   * @param path a {@code NAME-0000.params} file, or a directory holding exactly one
   * @throws IllegalArgumentException naming the file if it is not such an export
   */
  public static Exported read(Path path) {
    Path params = paramsFile(path);
    String fileName = params.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - PARAMS_SUFFIX.length());
    Path json = params.resolveSibling(name + ".json");
    if (!Files.isRegularFile(json)) {
      throw new IllegalArgumentException(params + " has no " + json.getFileName()
          + " beside it: its structure is unknown (lofi train --export writes both)");
    }
    Map<String, Object> manifest;
    NetworkConfig config;
    try {
      manifest = JSON.readValue(json.toFile(), new TypeReference<>() {});
      config = NetworkConfig.fromMap(map(manifest, "config"));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(json + " does not describe a network: " + e.getMessage(), e);
    }
    byte[] parameters;
    try (Model model = Model.newInstance(name)) {
      LocalizationNetwork network = config.build();
      network.initialize(model.getNDManager(), DataType.FLOAT32, NetworkCheckpoint.exampleInput(config));
      model.setBlock(network);
      model.load(params.getParent(), name);
      // Taken before the model closes: its manager owns the loaded arrays.
      parameters = NetworkCheckpoint.parameters(network);
    } catch (IOException | MalformedModelException e) {
      throw new IllegalArgumentException("cannot load " + params + " into the network of " + json.getFileName()
          + ": " + e.getMessage(), e);
    }
    return new Exported(params, config, new Checkpoint(manifest(json, manifest, parameters), parameters));
  }

  /** The exported manifest, describing {@code parameters}. */
  private static CheckpointManifest manifest(Path json, Map<String, Object> exported, byte[] parameters) {
    try {
      Map<String, Object> scores = map(exported, "metrics");
      Map<String, Double> metrics = new LinkedHashMap<>();
      scores.keySet().forEach(metric -> metrics.put(metric, number(scores, metric).doubleValue()));
      return CheckpointChunker.manifest(text(exported, "model"), text(exported, "version"),
          text(exported, "stage"), number(exported, "epoch").intValue(), number(exported, "step").longValue(),
          map(exported, "config"), metrics, parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES,
          Instant.parse(text(exported, "created")));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException(json + " is not the manifest of an export: " + e.getMessage(), e);
    }
  }

  private static String text(Map<String, Object> exported, String key) {
    if (!(exported.get(key) instanceof String value)) {
      throw new IllegalArgumentException("'" + key + "' must be a string, got " + exported.get(key));
    }
    return value;
  }

  private static Number number(Map<String, Object> exported, String key) {
    if (!(exported.get(key) instanceof Number value)) {
      throw new IllegalArgumentException("'" + key + "' must be a number, got " + exported.get(key));
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> exported, String key) {
    if (!(exported.get(key) instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("'" + key + "' must be an object, got " + exported.get(key));
    }
    return (Map<String, Object>) map;
  }

  private static Path paramsFile(Path path) {
    if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(PARAMS_SUFFIX)) {
      return path;
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + " is neither a NAME" + PARAMS_SUFFIX + " file nor a directory");
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(PARAMS_SUFFIX)).sorted().toList();
      if (found.size() != 1) {
        throw new IllegalArgumentException(path + " holds " + found.size() + " *" + PARAMS_SUFFIX
            + " files; name the one to use");
      }
      return found.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }
}
