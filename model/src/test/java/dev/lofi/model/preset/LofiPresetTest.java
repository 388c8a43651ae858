package dev.lofi.model.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.head.TalHeads;
import dev.lofi.model.head.gtad.GtadHead;
import dev.lofi.model.network.NetworkConfig;
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
  void everyHeadKindBuildsOnThePresetsEncoderSizedByThePreset() {
    for (String kind : TalHeads.kinds()) {
      NetworkConfig network = LofiPreset.CPU.network(5, kind);
      assertThat(network.headKind()).isEqualTo(kind);
      assertThat(network.head().numClasses()).isEqualTo(5);
      assertThat(network.head().inputDim()).isEqualTo(LofiPreset.CPU.network(5).head().inputDim());
      assertThat(network.build().head().kind()).isEqualTo(kind);
    }
    assertThat(LofiPreset.CPU.network(5).headKind()).isEqualTo(LofiPreset.DEFAULT_HEAD);
    assertThat(LofiPreset.CPU.network(5, GtadHead.KIND).head().options()).containsEntry("hiddenDim", "64");
    assertThat(LofiPreset.PAPER.network(5, GtadHead.KIND).head().options()).isEmpty();
    assertThatThrownBy(() -> LofiPreset.CPU.network(5, "bmn")).hasMessageContaining("unknown head kind 'bmn'");
  }

  @Test
  void presetsAreNamedAsOnTheCommandLine() {
    assertThat(LofiPreset.named("Paper")).isEqualTo(LofiPreset.PAPER);
    assertThatThrownBy(() -> LofiPreset.named("gpu")).hasMessage("unknown preset 'gpu': use cpu or paper");
  }
}
