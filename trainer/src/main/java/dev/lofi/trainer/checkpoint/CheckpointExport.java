package dev.lofi.trainer.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.checkpoint.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A checkpoint as files for tools outside Kafka: DJL's {@code NAME-0000.params} (loadable with
 * {@code Model.load(dir, NAME)} into a network built from the same config) and {@code NAME.json}
 * with the manifest (config, stage, epoch, metrics, SHA-256 of the parameters). Written by
 * {@code lofi train --export}, read back by {@code lofi train --init}.
 */
public final class CheckpointExport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .findAndRegisterModules();

  // DJL's Model.save names the parameters NAME-EPOCH.params; an export is epoch 0.
  private static final String PARAMS_SUFFIX = "-0000.params";

  private CheckpointExport() {}

  /**
   * @param exampleInput any input the network accepts, {@code [B, L, T, C, H, W]}: it sizes the
   *     structure before the parameters are loaded
   * @return the parameters file written
   */
  public static Path write(Path dir, NetworkConfig config, Checkpoint checkpoint, Shape exampleInput) {
    String name = checkpoint.manifest().model();
    try (Model model = Model.newInstance(name)) {
      LocalizationNetwork network = NetworkCheckpoint.load(model.getNDManager(), config, checkpoint.parameters(),
          exampleInput);
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
   * A network written by {@link #write}.
   *
   * @param file the {@code .params} file read
   * @param version the checkpoint version the files were exported from
   * @param parameters the network's parameters as checkpoints carry them
   *     ({@link NetworkCheckpoint#parameters})
   */
  public record Exported(Path file, String version, NetworkConfig config, byte[] parameters) {}

  /**
   * Reads what {@link #write} wrote: the structure from {@code NAME.json}, then the parameters.
   *
   * @param path a {@code NAME-0000.params} file, or a directory holding exactly one
   * @param exampleInput as for {@link #write}
   * @throws IllegalArgumentException naming the file if it is not such an export
   */
  public static Exported read(Path path, Shape exampleInput) {
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
      if (!(manifest.get("config") instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("no 'config' object");
      }
      config = NetworkConfig.fromMap(castMap(map));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(json + " does not describe a network: " + e.getMessage(), e);
    }
    try (Model model = Model.newInstance(name)) {
      LocalizationNetwork network = config.build();
      network.initialize(model.getNDManager(), DataType.FLOAT32, exampleInput);
      model.setBlock(network);
      model.load(params.getParent(), name);
      // Taken before the model closes: its manager owns the loaded arrays.
      return new Exported(params, String.valueOf(manifest.get("version")), config,
          NetworkCheckpoint.parameters(network));
    } catch (IOException | MalformedModelException e) {
      throw new IllegalArgumentException("cannot load " + params + " into the network of " + json.getFileName()
          + ": " + e.getMessage(), e);
    }
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

  @SuppressWarnings("unchecked")
  private static Map<String, ?> castMap(Map<?, ?> map) {
    return (Map<String, ?>) map;
  }
}
