package dev.lofi.localizer.stream;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How the live localizer runs as a Kafka Streams application, validated once here.
 *
 * @param applicationId instances with the same id share the streams, by partition; it also names
 *     the consumer group and the internal topics
 * @param stateDir where Kafka Streams keeps its task directories
 * @param threads processing threads per instance, each with tasks (partitions) of its own
 * @param processingGuarantee {@code exactly_once_v2} (state, offsets and segments commit together)
 *     or {@code at_least_once} (a crash may repeat segments)
 */
public record StreamsApplication(String applicationId, Path stateDir, int threads, String processingGuarantee) {

  // Kafka's rule for names that become topic name parts; declared before DEFAULT, which it checks.
  private static final Pattern APPLICATION_ID = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

  /** The guarantees Kafka 4 offers; exactly_once_v2 is the only exactly-once one left. */
  public static final List<String> GUARANTEES = List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);

  /** The application instances share by default, its state beside the broker's data in {@code lofi-data}. */
  public static final StreamsApplication DEFAULT = exactlyOnce("lofi-localizer", Path.of("lofi-data", "localizer"));

  public StreamsApplication {
    if (applicationId == null || !APPLICATION_ID.matcher(applicationId).matches()) {
      throw new IllegalArgumentException("application id must be 1-200 of a-z A-Z 0-9 . _ -, got '"
          + applicationId + "'");
    }
    Objects.requireNonNull(stateDir, "stateDir");
    if (threads < 1) {
      throw new IllegalArgumentException("stream threads must be at least 1, got " + threads);
    }
    if (!GUARANTEES.contains(processingGuarantee)) {
      throw new IllegalArgumentException("processing guarantee must be one of " + GUARANTEES + ", got '"
          + processingGuarantee + "'");
    }
  }

  /** One thread, exactly once: what every application but a scaled-out service wants. */
  public static StreamsApplication exactlyOnce(String applicationId, Path stateDir) {
    return new StreamsApplication(applicationId, stateDir, 1, StreamsConfig.EXACTLY_ONCE_V2);
  }
}
