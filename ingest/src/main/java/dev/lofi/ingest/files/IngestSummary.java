package dev.lofi.ingest.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What an ingest of video files did. */
public record IngestSummary(List<Published> published, List<Outcome> skipped, List<Outcome> failed,
    List<String> annotatedWithoutVideo, long clipBytes, double seconds) {

  /** A video whose snippets, ground truth and metadata were committed. */
  public record Published(String videoId, Path file, Map<String, Integer> snippets, boolean annotated,
      long decodedFrames, double seconds) {}

  /** A file that was skipped or failed, and why. */
  public record Outcome(Path file, String reason) {}

  /** Whether every file was published or skipped on purpose. */
  public boolean succeeded() {
    return failed.isEmpty();
  }

  /** Snippets published per fidelity, over all videos. */
  public Map<String, Integer> snippetsPerFidelity() {
    Map<String, Integer> totals = new java.util.TreeMap<>();
    published.forEach(p -> p.snippets().forEach((f, n) -> totals.merge(f, n, Integer::sum)));
    return totals;
  }
}
