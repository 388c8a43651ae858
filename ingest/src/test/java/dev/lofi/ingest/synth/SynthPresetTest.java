package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SynthPresetTest {

  @Test
  void cpuIsSmallAndSlowAndPaperLargerAndAtThirtyFps() {
    assertThat(SynthPreset.named("cpu")).isSameAs(SynthPreset.CPU);
    assertThat(SynthPreset.named("PAPER")).isSameAs(SynthPreset.PAPER);
    assertThat(SynthPreset.CPU.resolution()).isEqualTo("160x120");
    assertThat(SynthPreset.CPU.fps()).isEqualTo(15);
    assertThat(SynthPreset.PAPER.resolution()).isEqualTo("320x240");
    assertThat(SynthPreset.PAPER.fps()).isEqualTo(30);
  }

  @Test
  void unknownNamesOddOrPortraitSizesAndVideosTooShortForAnActionAreRefused() {
    assertThatThrownBy(() -> SynthPreset.named("gpu")).hasMessageContaining("'gpu'");
    assertThatThrownBy(() -> new SynthPreset("odd", 161, 120, 15, 20, 40)).hasMessageContaining("161x120");
    assertThatThrownBy(() -> new SynthPreset("portrait", 120, 160, 15, 20, 40)).hasMessageContaining("120x160");
    assertThatThrownBy(() -> SynthPreset.CPU.withVideoSeconds(2, 4)).hasMessageContaining("[2.0, 4.0]");
    assertThatThrownBy(() -> SynthPreset.CPU.withVideoSeconds(10, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFormatAtAnotherFrameRateKeepsItsSizeAndLengthsUnderItsOwnName() {
    SynthPreset faster = SynthPreset.CPU.withFps("cpu-30fps", 30);
    assertThat(faster.name()).isEqualTo("cpu-30fps");
    assertThat(faster.fps()).isEqualTo(30);
    assertThat(faster.withFps("cpu", 15)).isEqualTo(SynthPreset.CPU);
  }
}
