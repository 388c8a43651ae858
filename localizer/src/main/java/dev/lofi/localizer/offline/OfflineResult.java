package dev.lofi.localizer.offline;

import dev.lofi.ingest.files.IngestSummary.Outcome;
import dev.lofi.model.evaluation.Prediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What offline localization of a file or directory did.
 *
 * @param videos the videos localized, in file name order
 * @param skipped documents beside the videos, left alone
 * @param failed files that could not be localized, and why
 * @param seconds wall-clock time it took
 */
public record OfflineResult(List<LocalizedVideo> videos, List<Outcome> skipped, List<Outcome> failed,
    double seconds) {

  public OfflineResult {
    videos = List.copyOf(videos);
    skipped = List.copyOf(skipped);
    failed = List.copyOf(failed);
  }

  /** Whether every file was localized or skipped on purpose. */
  public boolean succeeded() {
    return failed.isEmpty();
  }

  /** Video id to its predictions, as a prediction file holds them. */
  public Map<String, List<Prediction>> predictions() {
    Map<String, List<Prediction>> predictions = new LinkedHashMap<>();
    videos.forEach(video -> predictions.put(video.videoId(), video.predictions()));
    return predictions;
  }
}
