package dev.lofi.localizer.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * What the localizer benchmark measured; its JSON form (snake_case keys, the contract's four
 * first) is what {@code lofi bench localize --json} prints, its text form what it prints without.
 *
 * @param snippetsPerSecond throughput pass: snippets processed from the first snippet processed to
 *     the end marker processed, over that time
 * @param realtimeFactor throughput pass: media seconds of those snippets over that time
 * @param latencyP50Ms latency pass: median, over the segments of the stream, of the time from the
 *     capture of the snippet that decided a segment to a consumer receiving it
 * @param latencyP99Ms latency pass: the 99th percentile of the same
 * @param serviceLatencyP50Ms latency pass: median of the segments' own {@code latency_ms} (capture
 *     to the service handing the segment to its producer)
 * @param serviceLatencyP99Ms latency pass: the 99th percentile of the same
 * @param closedAfterEndP50Ms latency pass: median, over the closed segments, of the time from
 *     the action's end on the wall clock ({@code end_wall}) to a consumer receiving it: the wait
 *     for the head run that sees the action has ended (up to a hop) plus the latency
 * @param closedAfterEndP99Ms latency pass: the 99th percentile of the same
 * @param latencyTargetMs one hop of video and a second
 * @param preset the fidelity preset
 * @param broker {@code embedded}, or the bootstrap address given
 * @param videoSeconds length of the video each pass streams
 * @param width the video's frame width
 * @param height the video's frame height
 * @param fps the video's frame rate
 * @param snippets throughput pass: snippets in the stream
 * @param throughputSeconds throughput pass: seconds the measured snippets took
 * @param segments latency pass: segments (opened and closed) received
 * @param window snippets the head sees at once
 * @param hop snippets between two runs of the head
 * @param hopSeconds seconds of video in a hop
 * @param threshold the score threshold
 * @param processingGuarantee the service's Kafka Streams guarantee
 * @param model the checkpoint benchmarked, {@code model@version}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"snippets_per_second", "realtime_factor", "latency_p50_ms", "latency_p99_ms"})
public record LocalizeBenchResult(double snippetsPerSecond, double realtimeFactor, long latencyP50Ms,
    long latencyP99Ms, long serviceLatencyP50Ms, long serviceLatencyP99Ms, long closedAfterEndP50Ms,
    long closedAfterEndP99Ms, long latencyTargetMs, String preset, String broker, int videoSeconds, int width,
    int height, int fps, int snippets, double throughputSeconds, int segments, int window, int hop,
    double hopSeconds, double threshold, String processingGuarantee, String model) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The result as one JSON object on one line. */
  public String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the benchmark result as JSON", e);
    }
  }

  /** The result as a short report, one fact per line. */
  public String text() {
    return String.join(System.lineSeparator(),
        String.format(Locale.ROOT, "model       %s (untrained, preset %s), window %d, hop %d (%.2f s), threshold %s,"
            + " %s, broker %s", model(), preset(), window(), hop(), hopSeconds(), threshold(),
            processingGuarantee(), broker()),
        String.format(Locale.ROOT, "video       %dx%d at %d fps, %d s, streamed twice", width(), height(), fps(),
            videoSeconds()),
        String.format(Locale.ROOT, "throughput  %.1f snippets/s, %.1fx real time (%d snippets published at once)",
            snippetsPerSecond(), realtimeFactor(), snippets()),
        String.format(Locale.ROOT, "latency     p50 %d ms, p99 %d ms from the deciding snippet's capture to a consumer"
            + " (target <= %d ms); the service's own p50 %d ms, p99 %d ms; %d segments in real time", latencyP50Ms(),
            latencyP99Ms(), latencyTargetMs(), serviceLatencyP50Ms(), serviceLatencyP99Ms(), segments()),
        String.format(Locale.ROOT, "closed      p50 %d ms, p99 %d ms from an action's end to a consumer",
            closedAfterEndP50Ms(), closedAfterEndP99Ms()));
  }
}
