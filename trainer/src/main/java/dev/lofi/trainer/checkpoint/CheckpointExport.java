package dev.lofi.trainer.checkpoint;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
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
import java.util.Map;

/**
 * Writes a checkpoint as files for tools outside Kafka: DJL's {@code NAME-0000.params} (loadable
 * with {@code Model.load(dir, NAME)} into a network built from the same config) and
 * {@code NAME.json} with the manifest (config, stage, epoch, metrics, SHA-256 of the parameters).
 */
public final class CheckpointExport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .findAndRegisterModules();

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
      return dir.resolve(String.format("%s-%04d.params", name, 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export checkpoint " + name + " to " + dir, e);
    }
  }
}
