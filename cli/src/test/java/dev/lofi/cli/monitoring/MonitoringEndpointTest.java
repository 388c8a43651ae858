package dev.lofi.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.topics.record.Segment;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} and {@code /health} read by a real HTTP client. */
class MonitoringEndpointTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void metricsShowKafkaStreamsAndLofisOwnMetersAndHealthFollowsTheService(@TempDir Path state) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LocalizerMeters meters = new LocalizerMeters(registry);
    meters.loaded("lofi-cpu@head-e3-s90-0badcafe");
    meters.segment(new Segment("cam1", Segment.Event.CLOSED, "wave", 1.0, 3.0, 0.9, "lofi-cpu@head-e3-s90-0badcafe",
        Instant.now(), Instant.now(), 120));
    meters.unreadable("lofi.live.clips-0@7", "BAD_MAGIC");
    AtomicBoolean up = new AtomicBoolean(true);
    try (KafkaStreams streams = unstartedStreams(state);
         KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
         MonitoringEndpoint endpoint = MonitoringEndpoint.start(0, registry,
             () -> new Health(up.get(), up.get() ? "RUNNING" : "ERROR", Map.of("model", "lofi-cpu")))) {
      streamsMetrics.bindTo(registry);

      HttpResponse<String> metrics = get(endpoint, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
      assertThat(metrics.body()).contains("kafka_stream_")
          .contains("lofi_localizer_segments_total{event=\"closed\"} 1.0")
          .contains("lofi_localizer_dead_letters_total{reason=\"unreadable\"} 1.0")
          .contains("lofi_localizer_model{version=\"lofi-cpu@head-e3-s90-0badcafe\"} 1.0")
          .contains("lofi_localizer_segment_latency_seconds{quantile=\"0.99\"}");

      HttpResponse<String> healthy = get(endpoint, "/health");
      assertThat(healthy.statusCode()).isEqualTo(200);
      assertThat(healthy.body()).contains("\"status\":\"UP\"").contains("\"model\":\"lofi-cpu\"");
      up.set(false);
      HttpResponse<String> down = get(endpoint, "/health");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"state\":\"ERROR\"");
    }
  }

  private HttpResponse<String> get(MonitoringEndpoint endpoint, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A Kafka Streams application that registers its metrics without ever reaching a broker. */
  private static KafkaStreams unstartedStreams(Path state) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitoring-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    return new KafkaStreams(builder.build(), config);
  }
}
