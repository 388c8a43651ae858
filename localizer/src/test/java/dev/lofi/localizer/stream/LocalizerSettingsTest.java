package dev.lofi.localizer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.localizer.tracking.SlidingWindowSettings;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class LocalizerSettingsTest {

  @Test
  void theDefaultsAreTheCpuPresetsModelAndWindowExactlyOnce() {
    LocalizerSettings defaults = LocalizerSettings.defaults();

    assertThat(defaults.model()).isEqualTo("lofi-cpu");
    assertThat(defaults.sliding()).isEqualTo(new SlidingWindowSettings(32, 4, 0.3, 0.3));
    assertThat(defaults.application().applicationId()).isEqualTo("lofi-localizer");
    assertThat(defaults.application().processingGuarantee()).isEqualTo("exactly_once_v2");
    assertThat(defaults.application().threads()).isEqualTo(1);
  }

  @Test
  void theStreamsConfigCarriesTheSettings() {
    LocalizerSettings settings = new LocalizerSettings("m", SlidingWindowSettings.DEFAULT,
        new StreamsApplication("app-1", Path.of("/s"), 3, StreamsConfig.AT_LEAST_ONCE));

    Properties config = LocalizerTopology.streamsConfig("broker:9092", settings);

    assertThat(config).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "app-1")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
        .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/s");
  }

  @Test
  void badValuesAreRefusedNamingThem() {
    Path dir = Path.of("s");
    StreamsApplication application = StreamsApplication.exactlyOnce("app", dir);
    assertThatThrownBy(() -> new LocalizerSettings("a/b", SlidingWindowSettings.DEFAULT, application))
        .hasMessageContaining("'a/b'");
    assertThatThrownBy(() -> new StreamsApplication("app id", dir, 1, "exactly_once_v2")).hasMessageContaining("'app id'");
    assertThatThrownBy(() -> new StreamsApplication("app", dir, 0, "exactly_once_v2")).hasMessageContaining("got 0");
    assertThatThrownBy(() -> new StreamsApplication("app", dir, 1, "exactly_once")).hasMessageContaining("'exactly_once'");
    assertThatThrownBy(() -> new SlidingWindowSettings(8, 9, 0.3, 0.3)).hasMessageContaining("hop must be 1..8");
    assertThatThrownBy(() -> new SlidingWindowSettings(8, 2, 1.5, 0.3)).hasMessageContaining("threshold");
  }
}
