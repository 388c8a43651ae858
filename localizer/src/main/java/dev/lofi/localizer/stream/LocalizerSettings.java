package dev.lofi.localizer.stream;

import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.model.preset.LofiPreset;
import java.util.Objects;

/**
 * How the live localizer runs, validated once here.
 *
 * @param model the model name whose checkpoints it loads from {@code lofi.checkpoints}
 * @param sliding window, hop, score threshold and merge tIoU
 * @param application the Kafka Streams application it runs as
 */
public record LocalizerSettings(String model, SlidingWindowSettings sliding, StreamsApplication application) {

  public LocalizerSettings {
    if (model == null || model.isBlank() || model.contains("/")) {
      throw new IllegalArgumentException("model must be a checkpoint model name without '/', got '" + model + "'");
    }
    Objects.requireNonNull(sliding, "sliding");
    Objects.requireNonNull(application, "application");
  }

  /** The cpu preset's model and window, the default sliding window's other settings, the default application. */
  public static LocalizerSettings defaults() {
    return defaults(LofiPreset.CPU);
  }

  /** {@link #defaults()} for {@code preset}: its model name and live window. */
  public static LocalizerSettings defaults(LofiPreset preset) {
    return new LocalizerSettings(preset.modelName(), SlidingWindowSettings.forPreset(preset), StreamsApplication.DEFAULT);
  }
}
