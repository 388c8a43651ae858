package dev.lofi.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lofi synth}: writes the SynthTAL data set. */
@Command(name = "synth", mixinStandardHelpOptions = true,
    header = "Write the SynthTAL synthetic data set.",
    description = {"Writes SynthTAL, a synthetic temporal action localization data set: H.264 MP4s in",
        "DIR/videos/, ActivityNet-format DIR/annotations.json (subsets training and validation), and",
        "trimmed clips per class for encoder pre-training. Deterministic from the seed."})
final class SynthCommand extends PlannedCommand {
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--videos", paramLabel = "N", defaultValue = "40", description = "Untrimmed videos (default: ${DEFAULT-VALUE}).")
  int videos;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Fidelity preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Override
  String arrivesWith() {
    return "issue #3 (ingest and SynthTAL)";
  }
}
