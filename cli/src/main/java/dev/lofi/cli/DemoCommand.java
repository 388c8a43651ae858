package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.cli.demo.Demo;
import dev.lofi.cli.demo.DemoSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi demo}: the whole flow end to end on an embedded broker, and the LoFi comparison. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    header = "The whole flow end to end, and the LoFi comparison.",
    description = {"Starts an embedded broker, generates SynthTAL, ingests it at every fidelity,",
        "pre-trains the encoder, trains the frozen-encoder baseline and the LoFi configurations",
        "(S, T, ST, C-LoFi; full-fidelity joint training is checked against the memory budget",
        "the LoFi rows fit in), streams the held-out videos through the live localizer of each",
        "trained model, evaluates its segments against chance, prints the comparison table and",
        "writes a report folder (report.md, config.json, training-curves.png, timeline.png).",
        "The default run takes about 10 minutes on two cores, --quick about 4."})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "A smaller run: 16 videos and short schedules (about 4 minutes on two cores).")
  boolean quick;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
      description = "Repeat every configuration over seeds 1..N and report mean ± spread (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "lofi-demo",
      description = "Report folder; its work/ subfolder holds the data set and is replaced (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = KafkaOptions.EMBEDDED,
      description = "Kafka bootstrap servers, or 'embedded' for a broker inside this command (default: ${DEFAULT-VALUE}).")
  String bootstrap;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (seeds < 1) {
      throw new BadUsage("--seeds must be at least 1, got " + seeds);
    }
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = ProgressLine.forConsole(spec.commandLine().getOut(), err);
    DemoSettings settings = (quick ? DemoSettings.QUICK : DemoSettings.STANDARD).withSeeds(seeds);
    KafkaOptions kafka = new KafkaOptions();
    kafka.bootstrap = bootstrap;
    long started = System.nanoTime();
    try (KafkaConnection connection = kafka.connect(err)) {
      Demo.Outcome outcome = new Demo(connection.bootstrap(), settings, out, console(progress, started)).run();
      progress.println("");
      progress.println(outcome.table());
      progress.println(outcome.findings());
      progress.println("report: " + outcome.report() + "  (" + elapsed(started) + " in all)");
    }
    return 0;
  }

  /** A run's progress on the console: lines stamped with the time since {@code started}, the status on the bar. */
  static Demo.Progress console(ProgressLine progress, long started) {
    return new Demo.Progress() {
      @Override
      public void line(String text) {
        progress.println(String.format(Locale.ROOT, "[%s] %s", elapsed(started), text));
      }

      @Override
      public void status(String text) {
        progress.status(text);
      }
    };
  }

  private static String elapsed(long started) {
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
