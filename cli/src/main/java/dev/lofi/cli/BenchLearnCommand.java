package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.cli.demo.DemoConfiguration;
import dev.lofi.cli.demo.DemoSettings;
import dev.lofi.cli.demo.LearnBenchmark;
import dev.lofi.model.preset.LofiPreset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi bench learn}: what training's defaults learn on motion-only data, on held-out videos. */
@Command(name = "learn", mixinStandardHelpOptions = true,
    header = "Benchmark what lofi train's defaults learn, on held-out videos through the live localizer.",
    description = {
        "What lofi train's defaults learn where only motion tells classes apart, through",
        "a broker (embedded unless --bootstrap is given): motion-only SynthTAL (40 videos, no",
        "trimmed clips, so pre-training cuts the training videos' segments), per seed the",
        "frozen-encoder baseline and C-LoFi trained as 'lofi train --stage all [--baseline]'",
        "trains them (the validation videos only for the stages' own validation), then 12 test",
        "videos of a SynthTAL of their own seed streamed through each model's live localizer.",
        "Prints avg mAP@[0.5:0.95] and mAP@0.5 per configuration with their spread over seeds,",
        "chance (random segments), each stage's time and the targets; writes a report folder to",
        "--out. About 15 minutes a seed on two cores."})
final class BenchLearnCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "" + LearnBenchmark.DEFAULT_SEEDS,
      description = "Train every configuration with seeds 1..N (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--configurations", paramLabel = "ID[,ID...]", split = ",", defaultValue = "baseline,c",
      description = "The rows compared, from baseline, s, t, st, c (C-LoFi) and full; baseline and c are "
          + "always among them, and every row shares the seed's pre-trained encoder (default: ${DEFAULT-VALUE}).")
  List<String> configurations;

  @Option(names = "--head", paramLabel = "KIND", defaultValue = LofiPreset.DEFAULT_HEAD,
      completionCandidates = HeadKinds.class, converter = HeadKinds.class,
      description = "Localization head every configuration trains: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String head;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "lofi-bench-learn",
      description = "Report folder; its work/ subfolder holds the data sets and is replaced (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print one JSON object; progress goes to standard error.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (seeds < 1) {
      throw new BadUsage("--seeds must be at least 1, got " + seeds);
    }
    DemoSettings settings = BadUsage.interpreting(() -> DemoSettings.LEARN.withSeeds(seeds).withConfigurations(
        configurations.stream().map(DemoConfiguration::of).toList()).withHead(head));
    PrintWriter err = spec.commandLine().getErr();
    // With --json, standard output is the JSON alone.
    ProgressLine progress = ProgressLine.forConsole(json ? err : spec.commandLine().getOut(), err);
    kafka.embeddedUnlessGiven(spec);
    LearnBenchmark.Result result;
    long started = System.nanoTime();
    try (KafkaConnection connection = kafka.connect(err)) {
      result = LearnBenchmark.run(connection.bootstrap(), settings, out, DemoCommand.console(progress, started));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + out, e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(json ? LearnBenchmark.json(result) : LearnBenchmark.text(result));
    stdout.flush();
    return 0;
  }
}
