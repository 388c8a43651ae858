package dev.lofi.trainer.bench;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.Locale;

/**
 * Entry point of the child JVM that measures one fidelity. Each fidelity gets a process of its
 * own: freed tensors stay in the allocator's caches, so a second measurement in the same process
 * would be told less than it costs.
 */
public final class TrainStepProbe {

  private TrainStepProbe() {}

  /**
   * Arguments: preset, fidelity name, classes, batch, steps. The network is the preset's (as
   * {@link LofiPreset} builds it, head options included). Prints {@code peak_bytes
   * step_seconds step_flops} on one line; the peak is a step's own only where the caller pinned glibc's mmap
   * threshold ({@link TrainBenchmark} does for the memory run).
   */
  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println("usage: TrainStepProbe PRESET FIDELITY CLASSES BATCH STEPS");
      System.exit(2);
    }
    FidelityPreset preset = FidelityPreset.named(args[0]);
    Fidelity fidelity = preset.fidelity(args[1]);
    NetworkConfig config = LofiPreset.of(preset).network(Integer.parseInt(args[2]));
    StepCost cost = TrainStep.measure(config, fidelity, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    System.out.println(String.format(Locale.ROOT, "%d %.6f %.0f", cost.peakBytes(), cost.stepSeconds(),
        cost.stepFlops()));
  }
}
