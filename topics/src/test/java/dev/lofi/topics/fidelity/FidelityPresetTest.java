package dev.lofi.topics.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FidelityPresetTest {

  @Test
  void paperPresetIsThePapersTable() {
    FidelityPreset paper = FidelityPreset.PAPER;
    assertThat(paper.full()).isEqualTo(new Fidelity("full", 100, 224, 8, 8));
    assertThat(paper.fidelity("s")).isEqualTo(new Fidelity("s", 100, 112, 8, 8));
    assertThat(paper.fidelity("t")).isEqualTo(new Fidelity("t", 25, 224, 8, 8));
    assertThat(paper.fidelity("st")).isEqualTo(new Fidelity("st", 50, 158, 8, 8));
  }

  @Test
  void everyLowFidelityCostsAboutAQuarterOfFullInBothPresets() {
    for (FidelityPreset preset : new FidelityPreset[] {FidelityPreset.PAPER, FidelityPreset.CPU}) {
      for (String name : FidelityPreset.LOW) {
        assertThat(preset.fidelity(name).costRelativeTo(preset.full()))
            .as(preset.name() + "/" + name).isCloseTo(0.25, within(0.01));
      }
    }
  }

  @Test
  void cpuPresetKeepsThePapersSnippetRatios() {
    FidelityPreset cpu = FidelityPreset.CPU;
    assertThat(cpu.fidelity("s").snippets()).isEqualTo(cpu.full().snippets());
    assertThat(cpu.fidelity("t").snippets() * 4).isEqualTo(cpu.full().snippets());
    assertThat(cpu.fidelity("st").snippets() * 2).isEqualTo(cpu.full().snippets());
  }

  @Test
  void unknownNamesAreRefusedWithWhatExists() {
    assertThatThrownBy(() -> FidelityPreset.named("gpu")).hasMessageContaining("use cpu or paper");
    assertThatThrownBy(() -> FidelityPreset.CPU.fidelity("x")).hasMessageContaining("full, s, st, t");
  }

  @Test
  void everyPresetListsFullThenTheLowFidelitiesAsTheCommandLineDefaultsDo() {
    for (FidelityPreset preset : new FidelityPreset[] {FidelityPreset.PAPER, FidelityPreset.CPU}) {
      assertThat(preset.fidelities().keySet()).containsExactlyElementsOf(FidelityPreset.NAMES);
    }
    assertThat(FidelityPreset.NAMES_OPTION).isEqualTo(String.join(",", FidelityPreset.NAMES));
    assertThat(FidelityPreset.LOW_OPTION).isEqualTo(String.join(",", FidelityPreset.LOW));
  }
}
