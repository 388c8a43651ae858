package dev.lofi.trainer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainBenchmarkTest {

  @Test
  void aProbedStepReportsTheMemoryItTookAndItsTime() {
    TrainBenchmark.Settings settings = new TrainBenchmark.Settings(FidelityPreset.CPU, 2, 1, 2);
    StepCost cost = TrainBenchmark.probe(settings, FidelityPreset.CPU.fidelity("st"));
    assertThat(cost.peakBytes()).isPositive();
    assertThat(cost.stepSeconds()).isPositive();
    assertThat(cost.stepFlops()).isPositive();
  }

  @Test
  void theJsonHasTheContractsKeysAndEachLowFidelitysShareOfFull() throws Exception {
    Map<String, StepCost> costs = new LinkedHashMap<>();
    costs.put("full", new StepCost(4000, 2.0, 8e9));
    costs.put("s", new StepCost(1000, 0.5, 1e9));
    costs.put("t", new StepCost(1200, 0.6, 1e9));
    costs.put("st", new StepCost(800, 0.4, 0.5e9));
    TrainBenchmark.Settings settings = new TrainBenchmark.Settings(FidelityPreset.CPU, 7, 2, 3);

    JsonNode json = new ObjectMapper().readTree(TrainBenchReport.json(new TrainBenchmark.Result(settings, costs)));

    assertThat(json.get("fidelities").get("full").get("peak_bytes").asLong()).isEqualTo(4000);
    assertThat(json.get("fidelities").get("st").get("step_seconds").asDouble()).isEqualTo(0.4);
    assertThat(json.get("fidelities").get("full").get("step_gflop").asDouble()).isEqualTo(8.0);
    assertThat(json.get("fidelities").get("full").get("gflops").asDouble()).isEqualTo(4.0);
    assertThat(json.get("peak_ratio_to_full").get("s").asDouble()).isEqualTo(0.25);
    assertThat(json.get("batch").asInt()).isEqualTo(2);
  }
}
