package dev.lofi.localizer.stream;

import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.model.preset.LofiPreset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How the live localizer runs, validated once here.
 *
 * @param model the model name whose checkpoints it loads from {@code lofi.checkpoints}
 * @param sliding window, hop, score threshold and merge tIoU
 * @param applicationId the Kafka Streams application id: instances with the same id share the
 *     streams, by partition; it also names the consumer group and the internal topics
 * @param stateDir where Kafka Streams keeps its task directories
 * @param streamThreads processing threads per instance, each with tasks (partitions) of its own
 * @param processingGuarantee {@code exactly_once_v2} (state, offsets and segments commit together)
 *     or {@code at_least_once} (a crash may repeat segments)
 */
public record LocalizerSettings(String model, SlidingWindowSettings sliding, String applicationId, Path stateDir,
    int streamThreads, String processingGuarantee) {

  /** The trainer's model name for the cpu preset. */
  public static final String DEFAULT_MODEL = LofiPreset.CPU.modelName();
  /** The application id instances share by default. */
  public static final String DEFAULT_APPLICATION_ID = "lofi-localizer";
  /** Beside the broker's data in {@code lofi-data}. */
  public static final Path DEFAULT_STATE_DIR = Path.of("lofi-data", "localizer");
  /** The guarantees Kafka 4 offers; exactly_once_v2 is the only exactly-once one left. */
  public static final List<String> GUARANTEES = List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);

  // Kafka's rule for names that become topic name parts.
  private static final Pattern APPLICATION_ID = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

  public LocalizerSettings {
    if (model == null || model.isBlank() || model.contains("/")) {
      throw new IllegalArgumentException("model must be a checkpoint model name without '/', got '" + model + "'");
    }
    Objects.requireNonNull(sliding, "sliding");
    if (applicationId == null || !APPLICATION_ID.matcher(applicationId).matches()) {
      throw new IllegalArgumentException("application id must be 1-200 of a-z A-Z 0-9 . _ -, got '"
          + applicationId + "'");
    }
    Objects.requireNonNull(stateDir, "stateDir");
    if (streamThreads < 1) {
      throw new IllegalArgumentException("stream threads must be at least 1, got " + streamThreads);
    }
    if (!GUARANTEES.contains(processingGuarantee)) {
      throw new IllegalArgumentException("processing guarantee must be one of " + GUARANTEES + ", got '"
          + processingGuarantee + "'");
    }
  }

  /** The cpu preset's model and window, the default sliding window's other settings, one thread, exactly-once. */
  public static LocalizerSettings defaults() {
    return defaults(LofiPreset.CPU);
  }

  /** {@link #defaults()} for {@code preset}: its model name and live window. */
  public static LocalizerSettings defaults(LofiPreset preset) {
    return new LocalizerSettings(preset.modelName(), SlidingWindowSettings.forPreset(preset), DEFAULT_APPLICATION_ID,
        DEFAULT_STATE_DIR, 1, StreamsConfig.EXACTLY_ONCE_V2);
  }
}
