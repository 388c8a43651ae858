package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.cli.demo.DemoConfiguration;
import dev.lofi.cli.demo.DemoSettings;
import dev.lofi.cli.demo.LearnBenchmark;
import dev.lofi.ingest.bench.BenchVideo;
import dev.lofi.ingest.bench.FfmpegCli;
import dev.lofi.ingest.bench.IngestBenchReport;
import dev.lofi.ingest.bench.IngestBenchResult;
import dev.lofi.ingest.bench.IngestBenchSettings;
import dev.lofi.ingest.bench.IngestBenchmark;
import dev.lofi.localizer.bench.LocalizeBenchResult;
import dev.lofi.localizer.bench.LocalizeBenchSettings;
import dev.lofi.localizer.bench.LocalizeBenchmark;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.trainer.bench.TrainBenchReport;
import dev.lofi.trainer.bench.TrainBenchmark;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lofi bench}: benchmarks of ingest, training and live localization. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Benchmark ingest, training, live localization, or what training learns.",
    description = {
        "ingest: probe, decode and sample all four fidelities of one file (no Kafka),",
        "against the ffmpeg CLI decoding every frame of the same file and scaling it",
        "to the preset's largest frame size, in the same run. Both decode with FFmpeg's",
        "default threading. One untimed warm-up run each, then --runs alternating timed",
        "runs; medians. ffmpeg's time includes its process start-up. Without --video, a",
        "1280x720 30 fps 10 s H.264 test video is generated once into the temp",
        "directory. Needs the ffmpeg CLI on PATH.",
        "train: joint encoder+head training steps per fidelity at the same batch size, each",
        "fidelity in JVMs of its own: the step's peak resident memory (libtorch included)",
        "above what the process held before, glibc's mmap threshold pinned so that freed",
        "tensors leave, and in a second JVM, unpinned as training runs, the median step time",
        "of --runs steps.",
        "localize: the live localizer (topology, configuration, hot reload) with an untrained",
        "network of the preset, through a broker: embedded in the command unless --bootstrap",
        "is given. A generated --seconds video (640x360, 30 fps) is streamed twice: its",
        "snippets published at once (throughput: snippets and media seconds per second from",
        "the first snippet processed to the end marker processed), then played in real time",
        "(latency: for each segment, a consumer's receive time minus the capture time of the",
        "snippet that decided it; p50 and p99).",
        "learn: what lofi train's defaults learn where only motion tells classes apart, through",
        "a broker (embedded unless --bootstrap is given): motion-only SynthTAL (40 videos, no",
        "trimmed clips, so pre-training cuts the training videos' segments), per seed the",
        "frozen-encoder baseline and C-LoFi trained as 'lofi train --stage all [--baseline]'",
        "trains them (the validation videos only for the stages' own validation), then 12 test",
        "videos of a SynthTAL of their own seed streamed through each model's live localizer.",
        "Prints avg mAP@[0.5:0.95] and mAP@0.5 per configuration with their spread over seeds,",
        "chance (random segments), each stage's time and the targets; writes a report folder to",
        "--out. About 15 minutes a seed on two cores."})
final class BenchCommand implements Callable<Integer> {

  /** Classes of the benchmark's head: the cost of a step hardly depends on them. */
  private static final int BENCH_CLASSES = 7;

  /** What {@code lofi bench} can measure, named as typed on the command line. */
  enum Target { ingest, train, localize, learn }

  @Mixin KafkaOptions kafka;

  @Parameters(paramLabel = "ingest|train|localize|learn", description = "What to measure.")
  Target target;

  @Option(names = "--video", paramLabel = "FILE", description = "Video for the ingest benchmark (default: a generated 720p one).")
  Path video;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Fidelity preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "" + IngestBenchSettings.DEFAULT_RUNS,
      description = "Timed runs of each side, after one warm-up each (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--ffmpeg", paramLabel = "COMMAND", defaultValue = FfmpegCli.DEFAULT_COMMAND,
      description = "The ffmpeg CLI to compare with: a name on PATH or a path (default: ${DEFAULT-VALUE}).")
  String ffmpegCommand;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "2",
      description = "train: videos per step, the same at every fidelity (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--seconds", paramLabel = "N", defaultValue = "" + LocalizeBenchSettings.DEFAULT_SECONDS,
      description = "localize: length of the generated video; the latency pass lasts as long (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "" + LearnBenchmark.DEFAULT_SEEDS,
      description = "learn: train every configuration with seeds 1..N (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--configurations", paramLabel = "ID[,ID...]", split = ",", defaultValue = "baseline,c",
      description = "learn: the rows compared, from baseline, s, t, st, c (C-LoFi) and full; baseline and c are "
          + "always among them, and every row shares the seed's pre-trained encoder (default: ${DEFAULT-VALUE}).")
  List<String> configurations;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "lofi-bench-learn",
      description = "learn: report folder; its work/ subfolder holds the data sets and is replaced (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    return switch (target) {
      case ingest -> benchIngest();
      case train -> benchTrain();
      case localize -> benchLocalize();
      case learn -> benchLearn();
    };
  }

  private int benchLearn() throws InterruptedException {
    if (seeds < 1) {
      throw new BadUsage("--seeds must be at least 1, got " + seeds);
    }
    DemoSettings settings = BadUsage.interpreting(() -> DemoSettings.LEARN.withSeeds(seeds).withConfigurations(
        configurations.stream().map(DemoConfiguration::of).toList()));
    PrintWriter err = spec.commandLine().getErr();
    // With --json, standard output is the JSON alone.
    ProgressLine progress = ProgressLine.forConsole(json ? err : spec.commandLine().getOut(), err);
    useEmbeddedUnlessGiven();
    LearnBenchmark.Result result;
    long started = System.nanoTime();
    try (KafkaConnection connection = kafka.connect(err)) {
      result = LearnBenchmark.run(connection.bootstrap(), settings, out,
          DemoCommand.console(progress, started));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + out, e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(json ? LearnBenchmark.json(result) : LearnBenchmark.text(result));
    stdout.flush();
    return 0;
  }

  /** The other commands default to a broker on localhost; a benchmark brings its own unless told. */
  private void useEmbeddedUnlessGiven() {
    if (!spec.commandLine().getParseResult().hasMatchedOption("--bootstrap")) {
      kafka.bootstrap = KafkaOptions.EMBEDDED;
    }
  }

  private int benchLocalize() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FidelityPreset fidelities = fidelityPreset();
    LocalizeBenchSettings settings = BadUsage.interpreting(() -> new LocalizeBenchSettings(fidelities,
        LofiPreset.of(fidelities).network(BENCH_CLASSES), seconds, LocalizeBenchSettings.SLIDING,
        Path.of(System.getProperty("java.io.tmpdir"), "lofi-bench")));
    useEmbeddedUnlessGiven();
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

  private int benchTrain() {
    PrintWriter out = spec.commandLine().getOut();
    FidelityPreset fidelities = fidelityPreset();
    TrainBenchmark.Settings settings = BadUsage.interpreting(() -> new TrainBenchmark.Settings(fidelities,
        BENCH_CLASSES, batch, Math.max(2, runs)));
    TrainBenchmark.Result result = TrainBenchmark.run(settings);
    out.println(json ? TrainBenchReport.json(result) : TrainBenchReport.text(result));
    out.flush();
    return 0;
  }

  private int benchIngest() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FidelityPreset fidelities = fidelityPreset();
    // Located before anything slow happens, so a missing ffmpeg fails at once.
    FfmpegCli ffmpeg = FfmpegCli.locate(ffmpegCommand, FfmpegCli.DEFAULT_TIMEOUT);
    Path file = video;
    if (file == null) {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "lofi-bench");
      err.println("no --video given: using a generated " + BenchVideo.HD_720P.fileName() + " in " + dir
          + " (made on first use)");
      err.flush();
      file = BenchVideo.HD_720P.cachedIn(dir);
    }
    Path benched = file;
    IngestBenchSettings settings = BadUsage.interpreting(() -> new IngestBenchSettings(benched, video == null,
        fidelities, runs));
    IngestBenchResult result = new IngestBenchmark(ffmpeg).run(settings);
    out.println(json ? IngestBenchReport.json(result) : IngestBenchReport.text(result));
    out.flush();
    return 0;
  }

  /** The --preset option's preset; a name that is none is bad usage. */
  private FidelityPreset fidelityPreset() {
    return BadUsage.interpreting(() -> FidelityPreset.named(preset));
  }
}
