package dev.lofi.localizer.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/** Renders a localizer benchmark result: one JSON object for tools, a few lines for people. */
public final class LocalizeBenchReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalizeBenchReport() {}

  /** The result as one JSON object on one line. */
  public static String json(LocalizeBenchResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the benchmark result as JSON", e);
    }
  }

  /** The result as a short report, one fact per line. */
  public static String text(LocalizeBenchResult r) {
    return String.join(System.lineSeparator(),
        String.format(Locale.ROOT, "model       %s (untrained, preset %s), window %d, hop %d (%.2f s), threshold %s,"
            + " %s, broker %s", r.model(), r.preset(), r.window(), r.hop(), r.hopSeconds(), r.threshold(),
            r.processingGuarantee(), r.broker()),
        String.format(Locale.ROOT, "video       %dx%d at %d fps, %d s, streamed twice", r.width(), r.height(), r.fps(),
            r.videoSeconds()),
        String.format(Locale.ROOT, "throughput  %.1f snippets/s, %.1fx real time (%d snippets published at once)",
            r.snippetsPerSecond(), r.realtimeFactor(), r.snippets()),
        String.format(Locale.ROOT, "latency     p50 %d ms, p99 %d ms from capture to a consumer (target <= %d ms);"
            + " service's own p50 %d ms, p99 %d ms; %d segments in real time", r.latencyP50Ms(), r.latencyP99Ms(),
            r.latencyTargetMs(), r.serviceLatencyP50Ms(), r.serviceLatencyP99Ms(), r.segments()));
  }
}
