package dev.lofi.cli;

import dev.lofi.ingest.bench.BenchVideo;
import dev.lofi.ingest.bench.FfmpegCli;
import dev.lofi.ingest.bench.IngestBenchReport;
import dev.lofi.ingest.bench.IngestBenchResult;
import dev.lofi.ingest.bench.IngestBenchSettings;
import dev.lofi.ingest.bench.IngestBenchmark;
import dev.lofi.model.preset.LofiPreset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi bench ingest}: decoding and sampling a file at every fidelity, against the ffmpeg CLI. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    header = "Benchmark decoding and sampling against the ffmpeg CLI (no Kafka).",
    description = {
        "Probe, decode and sample all four fidelities of one file (no Kafka),",
        "against the ffmpeg CLI decoding every frame of the same file and scaling it",
        "to the preset's largest frame size, in the same run. Both decode with FFmpeg's",
        "default threading. One untimed warm-up run each, then --runs alternating timed",
        "runs; medians. ffmpeg's time includes its process start-up. Without --video, a",
        "1280x720 30 fps 10 s H.264 test video is generated once into the temp",
        "directory. Needs the ffmpeg CLI on PATH."})
final class BenchIngestCommand implements Callable<Integer> {

  @Option(names = "--video", paramLabel = "FILE", description = "Video to decode (default: a generated 720p one).")
  Path video;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Preset whose fidelities are sampled (default: ${DEFAULT-VALUE}).")
  LofiPreset preset;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "" + IngestBenchSettings.DEFAULT_RUNS,
      description = "Timed runs of each side, after one warm-up each (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--ffmpeg", paramLabel = "COMMAND", defaultValue = FfmpegCli.DEFAULT_COMMAND,
      description = "The ffmpeg CLI to compare with: a name on PATH or a path (default: ${DEFAULT-VALUE}).")
  String ffmpegCommand;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
        preset.fidelities(), runs));
    IngestBenchResult result = new IngestBenchmark(ffmpeg).run(settings);
    out.println(json ? IngestBenchReport.json(result) : IngestBenchReport.text(result));
    out.flush();
    return 0;
  }
}
