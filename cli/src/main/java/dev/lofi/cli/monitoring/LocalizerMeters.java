package dev.lofi.cli.monitoring;

import dev.lofi.localizer.stream.LocalizerListener;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.Segment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * The live localizer's own meters, beside Kafka Streams' (bound with Micrometer's
 * {@code KafkaStreamsMetrics}, consumer lag included): snippets, segments, their latencies, dead
 * letters, checkpoint loads and refusals, and the model version serving.
 */
public final class LocalizerMeters implements LocalizerListener {

  private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

  private final Counter snippets;
  private final Counter opened;
  private final Counter closed;
  private final Counter unreadable;
  private final Counter notEncodable;
  private final Counter loaded;
  private final Counter refused;
  private final Timer segmentLatency;
  private final Timer snippetLatency;
  private final MultiGauge model;

  public LocalizerMeters(MeterRegistry registry) {
    snippets = Counter.builder("lofi.localizer.snippets").description("snippets and end-of-stream markers processed")
        .register(registry);
    opened = segments(registry, "opened");
    closed = segments(registry, "closed");
    unreadable = deadLetters(registry, "unreadable");
    notEncodable = deadLetters(registry, "not_encodable");
    loaded = checkpoints(registry, "loaded");
    refused = checkpoints(registry, "refused");
    segmentLatency = Timer.builder("lofi.localizer.segment.latency")
        .description("from capturing the snippet that decided a segment to publishing it").publishPercentiles(PERCENTILES)
        .register(registry);
    snippetLatency = Timer.builder("lofi.localizer.snippet.latency")
        .description("from capturing a live snippet to processing it").publishPercentiles(PERCENTILES)
        .register(registry);
    model = MultiGauge.builder("lofi.localizer.model").description("1 for the checkpoint version serving")
        .register(registry);
  }

  @Override
  public void processed(ClipSnippet snippet) {
    snippets.increment();
    if (snippet.captureEpochMillis() != ClipSnippet.NOT_LIVE) {
      // A negative amount (clocks of ingest and localizer apart) is one Micrometer ignores.
      snippetLatency.record(Duration.ofMillis(System.currentTimeMillis() - snippet.captureEpochMillis()));
    }
  }

  @Override
  public void segment(Segment segment) {
    (segment.event() == Segment.Event.OPENED ? opened : closed).increment();
    segmentLatency.record(Duration.ofMillis(segment.latencyMs()));
  }

  @Override
  public void unreadable(String origin, String reason) {
    unreadable.increment();
  }

  @Override
  public void notEncodable(String origin, String reason) {
    notEncodable.increment();
  }

  @Override
  public void loaded(String version) {
    loaded.increment();
    model.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
  }

  @Override
  public void refused(String version, String reason) {
    refused.increment();
  }

  private static Counter segments(MeterRegistry registry, String event) {
    return Counter.builder("lofi.localizer.segments").description("segments published").tag("event", event)
        .register(registry);
  }

  private static Counter deadLetters(MeterRegistry registry, String reason) {
    return Counter.builder("lofi.localizer.dead.letters").description("records sent to lofi.dlq").tag("reason", reason)
        .register(registry);
  }

  private static Counter checkpoints(MeterRegistry registry, String outcome) {
    return Counter.builder("lofi.localizer.checkpoints").description("checkpoints loaded or refused")
        .tag("outcome", outcome).register(registry);
  }
}
