package dev.lofi.trainer.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lofi.trainer.memory.MemoryBudget;
import java.util.Locale;

/** The training benchmark as design.md's JSON, or as a few readable lines. */
public final class TrainBenchReport {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TrainBenchReport() {}

  /** {@code {"fidelities": {"full": {"peak_bytes": n, "step_seconds": s, "step_gflop": g, "gflops": r}, ...}, ...}}. */
  public static String json(TrainBenchmark.Result result) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode fidelities = root.putObject("fidelities");
    result.fidelities().forEach((name, cost) -> fidelities.putObject(name)
        .put("peak_bytes", cost.peakBytes()).put("step_seconds", cost.stepSeconds())
        .put("step_gflop", cost.stepFlops() / 1e9).put("gflops", cost.gflopsPerSecond()));
    ObjectNode ratios = root.putObject("peak_ratio_to_full");
    result.peakRatios().forEach(ratios::put);
    TrainBenchmark.Settings settings = result.settings();
    root.put("preset", settings.preset().name());
    root.put("batch", settings.batch());
    root.put("steps", settings.steps());
    root.put("depth", settings.network().depth());
    root.put("width_multiplier", settings.network().widthMultiplier());
    root.put("frames_per_snippet", settings.network().framesPerSnippet());
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line per fidelity. */
  public static String text(TrainBenchmark.Result result) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "joint encoder+head step, preset %s, batch %d, TSM-ResNet-%d x%.2f%n", result.settings().preset().name(),
        result.settings().batch(), result.settings().network().depth(), result.settings().network().widthMultiplier()));
    result.fidelities().forEach((name, cost) -> text.append(String.format(Locale.ROOT,
        "  %-5s peak %10s  step %.3f s  %.1f GFLOP, %.2f GFLOP/s%s%n", name, MemoryBudget.format(cost.peakBytes()),
        cost.stepSeconds(), cost.stepFlops() / 1e9, cost.gflopsPerSecond(),
        result.peakRatios().containsKey(name)
            ? String.format(Locale.ROOT, "  (%.2f of full)", result.peakRatios().get(name)) : "")));
    return text.toString().stripTrailing();
  }
}
