package dev.lofi.trainer.bench;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.trainer.memory.PeakMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code lofi bench train}: one joint encoder-and-head step per fidelity at the same batch size,
 * each in a JVM of its own, reporting the step's peak memory and time. LoFi's promise is that a
 * low-fidelity step costs about a quarter of a full-fidelity one.
 */
public final class TrainBenchmark {

  /**
   * @param batch videos per step, the same at every fidelity
   * @param steps steps per fidelity; the first is not timed
   */
  public record Settings(FidelityPreset preset, int classes, int batch, int steps) {
    public Settings {
      if (classes < 1 || batch < 1 || steps < 1) {
        throw new IllegalArgumentException("classes, batch and steps must be positive, got " + classes + ", "
            + batch + " and " + steps);
      }
    }

    /** The network every fidelity's step trains: the preset's. */
    public NetworkConfig network() {
      return LofiPreset.of(preset).network(classes);
    }
  }

  /** Per fidelity: peak bytes above the process's resident size before the step, and the median step time. */
  public record Result(Settings settings, Map<String, StepCost> fidelities) {

    /** Each low fidelity's peak as a share of full fidelity's. */
    public Map<String, Double> peakRatios() {
      Map<String, Double> ratios = new LinkedHashMap<>();
      long full = fidelities.get(FidelityPreset.FULL).peakBytes();
      fidelities.forEach((name, cost) -> {
        if (!name.equals(FidelityPreset.FULL)) {
          ratios.put(name, (double) cost.peakBytes() / full);
        }
      });
      return ratios;
    }
  }

  private static final long TIMEOUT_MINUTES = 10;

  private TrainBenchmark() {}

  /** Measures every fidelity of the preset, full first. */
  public static Result run(Settings settings) {
    Map<String, StepCost> costs = new LinkedHashMap<>();
    for (String name : FidelityPreset.NAMES) {
      costs.put(name, probe(settings, settings.preset().fidelity(name)));
    }
    return new Result(settings, costs);
  }

  /**
   * Measures one fidelity of the preset in two JVMs of its own: its peak memory with glibc's mmap
   * threshold pinned (so freed tensors leave the resident size, {@link PeakMemory}), and its step
   * time as the caller's environment runs training (pinned, every large tensor is a fresh mmap and
   * a full-fidelity step runs 2.5 times slower than under the launcher).
   */
  static StepCost probe(Settings s, Fidelity f) {
    StepCost memory = probe(s, f, true);
    StepCost time = probe(s, f, false);
    return new StepCost(memory.peakBytes(), time.stepSeconds(), time.stepFlops());
  }

  private static StepCost probe(Settings s, Fidelity f, boolean pinned) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-cp", System.getProperty("java.class.path"), TrainStepProbe.class.getName(),
        s.preset().name(), f.name(), Integer.toString(s.classes()), Integer.toString(s.batch()),
        Integer.toString(s.steps())));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    if (pinned) {
      PeakMemory.REUSE_VARIABLES.forEach(builder.environment()::remove);
      builder.environment().put(PeakMemory.MMAP_THRESHOLD_VARIABLE, PeakMemory.MMAP_THRESHOLD_BYTES);
    } else {
      // Timed as the caller runs: under the launcher, with freed memory kept for reuse.
      builder.environment().remove(PeakMemory.MMAP_THRESHOLD_VARIABLE);
    }
    builder.environment().put("DJL_OFFLINE", "true");
    builder.environment().put("OPT_OUT_TRACKING", "true");
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("the training step at fidelity " + f.name() + " failed (exit "
            + (process.isAlive() ? "timeout" : process.exitValue()) + "): " + output);
      }
      String[] fields = output.substring(output.lastIndexOf('\n') + 1).split(" ");
      return new StepCost(Long.parseLong(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the training-step probe", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring fidelity " + f.name(), e);
    }
  }
}
