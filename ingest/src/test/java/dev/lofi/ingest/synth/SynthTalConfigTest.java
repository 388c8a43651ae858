package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SynthTalConfigTest {

  private static final SynthTalConfig DEFAULTS = SynthTalConfig.defaults(Path.of("out"));

  @Test
  void defaultsAreFortyCpuVideosFromSeedOneWithTwelveClipsPerClass() {
    assertThat(DEFAULTS).isEqualTo(new SynthTalConfig(Path.of("out"), 40, 1, SynthPreset.CPU, 12, 6, false));
  }

  @Test
  void withersChangeOneValueOnly() {
    assertThat(DEFAULTS.withVideos(3).withSeed(9).withPreset(SynthPreset.PAPER).withTrimmedClips(2, 0))
        .isEqualTo(new SynthTalConfig(Path.of("out"), 3, 9, SynthPreset.PAPER, 2, 0, false));
  }

  @Test
  void badValuesAreRefusedByName() {
    assertThatThrownBy(() -> DEFAULTS.withVideos(0)).hasMessageContaining("videos must be >= 1, got 0");
    assertThatThrownBy(() -> DEFAULTS.withTrimmedClips(-1, 0)).hasMessageContaining("-1 per class");
    assertThatThrownBy(() -> DEFAULTS.withPreset(null)).hasMessageContaining("preset");
  }
}
