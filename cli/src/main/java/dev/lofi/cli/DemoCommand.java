package dev.lofi.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lofi demo}: the whole flow end to end on an embedded broker. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    header = "The whole flow end to end, and the LoFi comparison.",
    description = {"Starts an embedded broker, generates SynthTAL, ingests it at every fidelity, trains",
        "the baseline and the LoFi pipelines, localizes held-out videos live, evaluates, and prints",
        "the comparison table and a report."})
final class DemoCommand extends PlannedCommand {
  @Option(names = "--quick", description = "A smaller run (at most 5 minutes on two cores).")
  boolean quick;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "Repeat over N seeds (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Override
  String arrivesWith() {
    return "issue #6 (demo)";
  }
}
