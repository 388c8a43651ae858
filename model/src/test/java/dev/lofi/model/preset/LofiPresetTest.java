package dev.lofi.model.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.fidelity.FidelityPreset;
import org.junit.jupiter.api.Test;

class LofiPresetTest {

  @Test
  void thePresetDerivesTheLiveWindowTheModelNameAndTheNetworkFromItsFidelities() {
    assertThat(LofiPreset.CPU.liveWindow()).isEqualTo(FidelityPreset.CPU.full().snippets());
    assertThat(LofiPreset.PAPER.liveWindow()).isEqualTo(100);
    assertThat(LofiPreset.PAPER.modelName()).isEqualTo("lofi-paper");
    assertThat(LofiPreset.CPU.baselineModelName()).isEqualTo("baseline-cpu");
    assertThat(LofiPreset.CPU.network(7).framesPerSnippet()).isEqualTo(FidelityPreset.CPU.full().framesPerSnippet());
    assertThat(LofiPreset.CPU.network(7).head().numClasses()).isEqualTo(7);
    assertThat(LofiPreset.of(FidelityPreset.PAPER)).isEqualTo(LofiPreset.PAPER);
  }

  @Test
  void presetsAreNamedAsOnTheCommandLine() {
    assertThat(LofiPreset.named("Paper")).isEqualTo(LofiPreset.PAPER);
    assertThatThrownBy(() -> LofiPreset.named("gpu")).hasMessage("unknown preset 'gpu': use cpu or paper");
  }
}
