package dev.lofi.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lofi bench}: benchmarks of ingest, training and live localization. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Benchmark ingest, training or live localization.",
    description = {"Measures ingest (decode and sample vs the ffmpeg CLI), train (one joint step per",
        "fidelity: peak memory, step time) or localize (throughput and latency through a broker)."})
final class BenchCommand extends PlannedCommand {
  @Mixin KafkaOptions kafka;

  @Parameters(paramLabel = "ingest|train|localize", description = "What to measure.")
  String target;

  @Option(names = "--video", paramLabel = "FILE", description = "Video for the ingest benchmark.")
  Path video;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Fidelity preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  String arrivesWith() {
    return "issues #3, #4 and #5 (one per benchmark)";
  }
}
