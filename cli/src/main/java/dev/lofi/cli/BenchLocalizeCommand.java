package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.localizer.bench.LocalizeBenchResult;
import dev.lofi.localizer.bench.LocalizeBenchSettings;
import dev.lofi.localizer.bench.LocalizeBenchmark;
import dev.lofi.model.preset.LofiPreset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi bench localize}: the live localizer's throughput and latency through a broker. */
@Command(name = "localize", mixinStandardHelpOptions = true,
    header = "Benchmark the live localizer's throughput and latency through a broker.",
    description = {
        "The live localizer (topology, configuration, hot reload) with an untrained",
        "network of the preset, through a broker: embedded in the command unless --bootstrap",
        "is given. A generated --seconds video (640x360, 30 fps) is streamed twice: its",
        "snippets published at once (throughput: snippets and media seconds per second from",
        "the first snippet processed to the end marker processed), then played in real time",
        "(latency: for each segment, a consumer's receive time minus the capture time of the",
        "snippet that decided it; p50 and p99)."})
final class BenchLocalizeCommand implements Callable<Integer> {

  /** Classes of the benchmarks' heads: the cost of a step or a window hardly depends on them. */
  static final int BENCH_CLASSES = 7;

  @Mixin KafkaOptions kafka;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Preset whose network localizes (default: ${DEFAULT-VALUE}).")
  LofiPreset preset;

  @Option(names = "--seconds", paramLabel = "N", defaultValue = "" + LocalizeBenchSettings.DEFAULT_SECONDS,
      description = "Length of the generated video; the latency pass lasts as long (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalizeBenchSettings settings = BadUsage.interpreting(() -> new LocalizeBenchSettings(preset.fidelities(),
        preset.network(BENCH_CLASSES), seconds, Path.of(System.getProperty("java.io.tmpdir"), "lofi-bench")));
    kafka.embeddedUnlessGiven(spec);
    LocalizeBenchResult result;
    try (KafkaConnection connection = kafka.connect(err)) {
      String broker = KafkaOptions.EMBEDDED.equals(kafka.bootstrap) ? KafkaOptions.EMBEDDED : connection.bootstrap();
      result = LocalizeBenchmark.run(connection.bootstrap(), broker, settings, phase -> {
        err.println("bench localize: " + phase);
        err.flush();
      });
    }
    out.println(json ? result.json() : result.text());
    out.flush();
    return 0;
  }
}
