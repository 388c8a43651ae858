package dev.lofi.trainer.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analytic estimate's shape: how it scales, and what the budget check says. */
class StepMemoryEstimateTest {

  private static final NetworkConfig CPU = LofiPreset.CPU.network(7);

  @Test
  void theStepGrowsLinearlyWithTheBatchAndTheWeightsDoNot() {
    Fidelity t = FidelityPreset.CPU.fidelity("t");
    StepMemoryEstimate one = StepMemoryEstimate.of(CPU, t, 1);
    StepMemoryEstimate four = StepMemoryEstimate.of(CPU, t, 4);

    assertThat(four.activationBytes()).isCloseTo(4 * one.activationBytes(), within(4L));
    assertThat(four.inputBytes()).isEqualTo(4 * one.inputBytes());
    assertThat(four.weightBytes()).isEqualTo(one.weightBytes()).isPositive();
    assertThat(four.optimizerBytes()).isEqualTo(one.gradientBytes());
    assertThat((double) four.totalBytes() / one.totalBytes()).isBetween(3.8, 4.0);
  }

  @Test
  void theStepGrowsLinearlyWithTheSnippetsAndWithTheFrameArea() {
    StepMemoryEstimate base = StepMemoryEstimate.of(CPU, new Fidelity("a", 8, 32, 8, 4), 2);
    StepMemoryEstimate longer = StepMemoryEstimate.of(CPU, new Fidelity("b", 16, 32, 8, 4), 2);
    StepMemoryEstimate larger = StepMemoryEstimate.of(CPU, new Fidelity("c", 8, 64, 8, 4), 2);

    assertThat((double) longer.activationBytes() / base.activationBytes()).isBetween(1.95, 2.05);
    assertThat((double) larger.activationBytes() / base.activationBytes()).isBetween(3.8, 4.2);
    assertThat((double) larger.inputBytes() / base.inputBytes()).isEqualTo(4.0);
  }

  @Test
  void everyLowFidelityOfBothPresetsCostsAtMostAThirdOfFull() {
    for (FidelityPreset preset : List.of(FidelityPreset.CPU, FidelityPreset.PAPER)) {
      Map<String, StepMemoryEstimate> estimates =
          StepMemoryEstimate.forPreset(LofiPreset.of(preset).network(7), preset, 2);
      assertThat(estimates.keySet()).containsExactly("full", "s", "t", "st");
      long full = estimates.get("full").totalBytes();
      estimates.forEach((name, estimate) -> {
        if (!name.equals("full")) {
          assertThat((double) estimate.totalBytes() / full).as(preset.name() + " " + name).isBetween(0.2, 0.35);
        }
      });
    }
  }

  @Test
  void aBudgetBetweenFullAndLofiRefusesFullNamingWhatFitsAndAcceptsLofi() {
    Map<String, StepMemoryEstimate> estimates = StepMemoryEstimate.forPreset(CPU, FidelityPreset.CPU, 2);
    long full = estimates.get("full").totalBytes();
    long st = estimates.get("st").totalBytes();
    MemoryBudget between = new MemoryBudget((full + st) / 2);

    assertThatThrownBy(() -> StepMemoryEstimate.check(between, CPU, FidelityPreset.CPU, List.of("full"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("full-fidelity joint training of batch 2 needs about ")
        .hasMessageContaining("over the memory budget of")
        .hasMessageContaining("the LoFi fidelities s/t/st need")
        .hasMessageContaining("full fidelity fits batch 1");
    assertThat(StepMemoryEstimate.check(between, CPU, FidelityPreset.CPU, List.of("s", "t", "st"), 2))
        .containsOnlyKeys("s", "t", "st");
  }

  @Test
  void aBudgetNothingFitsSaysSoAndUnknownFidelitiesAreNamed() {
    MemoryBudget tiny = MemoryBudget.parse("1m");
    assertThatThrownBy(() -> StepMemoryEstimate.check(tiny, CPU, FidelityPreset.CPU, List.of("st"), 2))
        .hasMessageStartingWith("joint training at fidelity st of batch 2 needs about ")
        .hasMessageContaining("MiB per step")
        .hasMessageContaining("no fidelity fits batch 2")
        .hasMessageContaining("fidelity st does not fit even batch 1");
    assertThatThrownBy(() -> StepMemoryEstimate.check(tiny, CPU, FidelityPreset.CPU, List.of("xs"), 2))
        .hasMessageContaining("no fidelity 'xs'");
  }
}
