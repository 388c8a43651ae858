package dev.lofi.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report says: the comparison, the run's configuration, the curves, one video, and the
 * caller's findings.
 *
 * @param title the report's heading
 * @param results one per configuration, in the table's order
 * @param config the run's settings as they should read in {@code config.json}; nested maps and
 *     lists are fine, order is kept
 * @param curves one per configuration that trained, in the legend's order
 * @param timeline the held-out video to show
 * @param findings what the run showed, in Markdown, in the caller's words; blank for none
 */
public record Report(
    String title, List<ConfigurationResult> results, Map<String, ?> config, List<TrainingCurve> curves,
    VideoTimeline timeline, String findings) {

  public Report {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a report needs a title");
    }
    results = List.copyOf(results);
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one configuration's result");
    }
    // LinkedHashMap, not Map.copyOf: the reader sees the settings in the order the caller gave them.
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    curves = List.copyOf(curves);
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("a report needs the training curve of at least one configuration");
    }
    if (timeline == null) {
      throw new IllegalArgumentException("a report needs a held-out video's timeline");
    }
    findings = findings == null ? "" : findings.strip();
  }
}
