package dev.lofi.localizer.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the localizer benchmark measured; its JSON form (snake_case keys, the contract's four
 * first) is what {@code lofi bench localize --json} prints.
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
    long latencyP99Ms, long serviceLatencyP50Ms, long serviceLatencyP99Ms, long latencyTargetMs, String preset,
    String broker, int videoSeconds, int width, int height, int fps, int snippets, double throughputSeconds,
    int segments, int window, int hop, double hopSeconds, double threshold, String processingGuarantee,
    String model) {}
