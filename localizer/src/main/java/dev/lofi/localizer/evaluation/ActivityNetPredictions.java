package dev.lofi.localizer.evaluation;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lofi.model.evaluation.Prediction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ActivityNet's prediction (submission) file, which the official evaluator and {@code lofi
 * evaluate} read and {@code lofi localize files --out} writes:
 *
 * <pre>{@code
 * {"version": "VERSION 1.3",
 *  "results": {"<id>": [{"label": "Long jump", "score": 0.87, "segment": [3.4, 9.1]}]},
 *  "external_data": {}}
 * }</pre>
 *
 * <p>Reading requires {@code results}, an object of arrays, and in each prediction a non-blank
 * {@code label}, a finite number {@code score} and a {@code segment} of two finite numbers, start
 * at most end; anything else is refused with an {@link ActivityNetFileException} naming the field.
 * {@code version}, {@code external_data} and other fields are ignored. Videos and their
 * predictions keep the file's order, which breaks ties of score (see {@code DetectionEvaluation}).
 */
public final class ActivityNetPredictions {

  // What the official evaluator's sample submission says; readers ignore it.
  private static final String VERSION = "VERSION 1.3";

  private ActivityNetPredictions() {}

  /**
   * The predictions of {@code file}: video id to its predictions, both in file order.
   *
   * @throws ActivityNetFileException if the file is malformed (see the class comment)
   */
  public static Map<String, List<Prediction>> read(Path file) {
    Map<String, List<Prediction>> videos = new LinkedHashMap<>();
    JsonField.root(file).member("results").members().forEach((id, results) -> {
      List<Prediction> predictions = new ArrayList<>();
      for (JsonField result : results.elements()) {
        String label = result.member("label").label();
        double score = result.member("score").number();
        double[] segment = result.member("segment").segment();
        predictions.add(new Prediction(label, segment[0], segment[1], score));
      }
      videos.put(id, List.copyOf(predictions));
    });
    return videos;
  }

  /**
   * Writes {@code predictions} (video id to its predictions, in iteration order) as a prediction
   * file, replacing {@code file}. A video with no prediction is written with an empty list.
   *
   * @throws IllegalArgumentException if a video id is blank
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Path file, Map<String, ? extends List<Prediction>> predictions) {
    ObjectNode root = JsonField.MAPPER.createObjectNode();
    root.put("version", VERSION);
    ObjectNode results = root.putObject("results");
    predictions.forEach((id, list) -> {
      if (id.isBlank()) {
        throw new IllegalArgumentException("video id must not be blank, got '" + id + "'");
      }
      ArrayNode video = results.putArray(id);
      for (Prediction prediction : list) {
        ObjectNode result = video.addObject();
        result.put("label", prediction.label());
        result.put("score", prediction.score());
        result.putArray("segment").add(prediction.start()).add(prediction.end());
      }
    });
    root.putObject("external_data");
    try (OutputStream out = Files.newOutputStream(file)) {
      JsonField.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValue(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
