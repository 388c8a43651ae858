package dev.lofi.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lofi train}: the LoFi training stages. */
@Command(name = "train", mixinStandardHelpOptions = true,
    header = "Run a LoFi training stage; publish checkpoints.",
    description = {"Runs a LoFi training stage from the clip topics and publishes its checkpoint to",
        "lofi.checkpoints: pretrain (encoder classification), lofi (joint encoder and head at low",
        "fidelity), extract (full-fidelity features), head (head on frozen features), or all."})
final class TrainCommand extends PlannedCommand {
  @Mixin KafkaOptions kafka;

  @Option(names = "--stage", required = true, paramLabel = "pretrain|lofi|extract|head|all", description = "Stage to run.")
  String stage;

  @Option(names = "--baseline", description = "Skip the lofi stage (frozen-encoder baseline).")
  boolean baseline;

  @Option(names = "--fidelities", split = ",", defaultValue = "s,t,st",
      description = "Low fidelities the lofi stage cycles through (default: ${DEFAULT-VALUE}).")
  List<String> fidelities;

  @Option(names = "--cycle", paramLabel = "long|short", defaultValue = "long",
      description = "C-LoFi cycle: per epoch (long) or every few batches (short) (default: ${DEFAULT-VALUE}).")
  String cycle;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Fidelity preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--init", paramLabel = "PATH", description = "Start pre-training from saved parameters.")
  Path init;

  @Option(names = "--resume", description = "Continue a killed run from its last checkpoint.")
  boolean resume;

  @Option(names = "--memory-budget", paramLabel = "SIZE", description = "Refuse configurations that cannot fit, e.g. 4g.")
  String memoryBudget;

  @Option(names = "--export", paramLabel = "DIR", description = "Also write DJL .params and a JSON config to DIR.")
  Path export;

  @Override
  String arrivesWith() {
    return "issue #4 (trainer)";
  }
}
