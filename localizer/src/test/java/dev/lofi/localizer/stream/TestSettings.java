package dev.lofi.localizer.stream;

import dev.lofi.localizer.tracking.SlidingWindowSettings;
import java.nio.file.Path;

/** Localizer settings for the tiny test networks. */
public final class TestSettings {

  /**
   * Windows of 8 one-second snippets, a hop of 2. Untrained heads score about 0.01, so the
   * threshold sits among their scores: a few actions per window pass it.
   */
  public static final SlidingWindowSettings SLIDING = new SlidingWindowSettings(8, 2, 0.012, 0.3);

  private TestSettings() {}

  /** The tiny model's settings, exactly-once, one thread, state under {@code stateDir}. */
  public static LocalizerSettings of(String model, String applicationId, Path stateDir) {
    return new LocalizerSettings(model, SLIDING, StreamsApplication.exactlyOnce(applicationId, stateDir));
  }
}
