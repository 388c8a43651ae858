package dev.lofi.cli;

import dev.lofi.model.preset.LofiPreset;
import dev.lofi.trainer.bench.TrainBenchReport;
import dev.lofi.trainer.bench.TrainBenchmark;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi bench train}: a joint training step's peak memory and time at each fidelity. */
@Command(name = "train", mixinStandardHelpOptions = true,
    header = "Benchmark a training step's memory and time at each fidelity (no Kafka).",
    description = {
        "Joint encoder+head training steps per fidelity at the same batch size, each",
        "fidelity in JVMs of its own: the step's peak resident memory (libtorch included)",
        "above what the process held before, glibc's mmap threshold pinned so that freed",
        "tensors leave, and in a second JVM, unpinned as training runs, the median step time",
        "of --runs steps."})
final class BenchTrainCommand implements Callable<Integer> {

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Preset whose network and fidelities are measured (default: ${DEFAULT-VALUE}).")
  LofiPreset preset;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "2",
      description = "Videos per step, the same at every fidelity (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
      description = "Timed steps per fidelity, at least 2 (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TrainBenchmark.Settings settings = BadUsage.interpreting(() -> new TrainBenchmark.Settings(preset.fidelities(),
        BenchLocalizeCommand.BENCH_CLASSES, batch, Math.max(2, runs)));
    TrainBenchmark.Result result = TrainBenchmark.run(settings);
    out.println(json ? TrainBenchReport.json(result) : TrainBenchReport.text(result));
    out.flush();
    return 0;
  }
}
