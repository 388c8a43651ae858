package dev.lofi.ingest.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.fidelity.FidelityPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestBenchSettingsTest {

  @Test
  void aMissingVideoIsRefusedNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("missing.mp4");

    assertThatThrownBy(() -> new IngestBenchSettings(missing, false, FidelityPreset.CPU, 3))
        .hasMessage("no video file " + missing);
  }

  @Test
  void fewerThanOneRunIsRefused(@TempDir Path dir) throws Exception {
    Path video = Files.writeString(dir.resolve("v.mp4"), "x");

    assertThatThrownBy(() -> new IngestBenchSettings(video, false, FidelityPreset.CPU, 0))
        .hasMessage("runs must be at least 1, got 0");
  }
}
