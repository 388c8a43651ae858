package dev.lofi.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.fidelity.FidelityPreset;
import org.junit.jupiter.api.Test;

class LiveSourceSettingsTest {

  private static LiveSourceSettings settings(String uri, String streamId, boolean realtime, boolean loop) {
    return new LiveSourceSettings(new LiveSource(uri), streamId, FidelityPreset.CPU.full(),
        new LiveSourceSettings.Reading(realtime, loop, null));
  }

  @Test
  void retriesDefaultByTheKindOfSource() {
    assertThat(settings("clip.mp4", "cam1", true, true).reading().retry().maxRetries()).isZero();
    assertThat(settings("rtsp://cam/1", "cam1", false, false).reading().retry().maxRetries()).isEqualTo(RetryPolicy.UNLIMITED);
  }

  @Test
  void theStreamIdMustNotBeBlank() {
    assertThatThrownBy(() -> settings("clip.mp4", " ", false, false))
        .hasMessageContaining("stream id must be 1..255 characters and not blank, got ' '");
  }

  @Test
  void pacingAndLoopingApplyToFilesOnly() {
    assertThatThrownBy(() -> settings("rtsp://cam/1", "cam1", false, true))
        .hasMessageContaining("rtsp://cam/1 is a live source (network) that paces itself");
    assertThatThrownBy(() -> settings("/dev/video0", "cam1", true, false))
        .hasMessageContaining("/dev/video0 is a live source (camera)");
  }

  @Test
  void liveSnippetsAreFullFidelity() {
    assertThatThrownBy(() -> new LiveSourceSettings(new LiveSource("clip.mp4"), "cam1", FidelityPreset.CPU.fidelity("s"),
        LiveSourceSettings.Reading.ONCE)).hasMessageContaining("live snippets are full fidelity, got fidelity 's'");
  }
}
