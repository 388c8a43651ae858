package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SynthTalConfigTest {

  private static final SynthTalConfig DEFAULTS = SynthTalConfig.defaults(Path.of("out"));

  @Test
  void defaultsAreFortyCpuVideosFromSeedOneWithTwelveClipsPerClass() {
    assertThat(DEFAULTS).extracting(SynthTalConfig::outDir, SynthTalConfig::videos, SynthTalConfig::seed,
        SynthTalConfig::preset, SynthTalConfig::clipsPerClass, SynthTalConfig::backgroundClips, SynthTalConfig::legible)
        .containsExactly(Path.of("out"), 40, 1L, SynthPreset.CPU, 12, 6, false);
  }

  @Test
  void withersChangeOneValueOnly() {
    assertThat(DEFAULTS.withVideos(3).withSeed(9).withPreset(SynthPreset.PAPER).withTrimmedClips(2, 0))
        .extracting(SynthTalConfig::outDir, SynthTalConfig::videos, SynthTalConfig::seed, SynthTalConfig::preset,
            SynthTalConfig::clipsPerClass, SynthTalConfig::backgroundClips, SynthTalConfig::legible)
        .containsExactly(Path.of("out"), 3, 9L, SynthPreset.PAPER, 2, 0, false);
  }

  @Test
  void badValuesAreRefusedByName() {
    assertThatThrownBy(() -> DEFAULTS.withVideos(0)).hasMessageContaining("videos must be >= 1, got 0");
    assertThatThrownBy(() -> DEFAULTS.withTrimmedClips(-1, 0)).hasMessageContaining("-1 per class");
    assertThatThrownBy(() -> DEFAULTS.withPreset(null)).hasMessageContaining("preset");
  }
}
