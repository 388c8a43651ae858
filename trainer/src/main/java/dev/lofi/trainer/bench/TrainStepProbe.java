package dev.lofi.trainer.bench;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.fidelity.Fidelity;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point of the child JVM that measures one fidelity. Each fidelity gets a process of its
 * own: freed tensors stay in the allocator's caches, so a second measurement in the same process
 * would be told less than it costs.
 */
public final class TrainStepProbe {

  private TrainStepProbe() {}

  /**
   * Arguments: fidelity name, snippets, frame size, frames per snippet, batch, depth, width
   * multiplier, stem stride, steps. Prints {@code peak_bytes step_seconds} on one line.
   */
  public static void main(String[] args) {
    if (args.length != 9) {
      System.err.println("usage: TrainStepProbe NAME L S T BATCH DEPTH WIDTH STEM STEPS");
      System.exit(2);
    }
    Fidelity fidelity = new Fidelity(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
        Integer.parseInt(args[3]), 1);
    NetworkConfig config = NetworkConfig.of(Integer.parseInt(args[5]), Float.parseFloat(args[6]),
        fidelity.framesPerSnippet(), Integer.parseInt(args[7]), 2, Map.of());
    StepCost cost = TrainStep.measure(config, fidelity, Integer.parseInt(args[4]), Integer.parseInt(args[8]));
    System.out.println(String.format(Locale.ROOT, "%d %.6f", cost.peakBytes(), cost.stepSeconds()));
  }
}
