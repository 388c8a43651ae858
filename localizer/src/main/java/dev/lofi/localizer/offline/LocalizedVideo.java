package dev.lofi.localizer.offline;

import dev.lofi.model.evaluation.Prediction;
import java.nio.file.Path;
import java.util.List;

/**
 * One video localized to the end.
 *
 * @param videoId the file name without its extension
 * @param predictions every closed action, in the order the sliding window closed them
 * @param snippets snippets the model encoded
 * @param mediaSeconds the video's length as decoded
 * @param seconds wall-clock time it took
 */
public record LocalizedVideo(String videoId, Path file, List<Prediction> predictions, int snippets,
    double mediaSeconds, double seconds) {

  public LocalizedVideo {
    predictions = List.copyOf(predictions);
  }
}
