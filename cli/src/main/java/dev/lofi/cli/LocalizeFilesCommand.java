package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.localizer.evaluation.ActivityNetPredictions;
import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.offline.CheckpointRef;
import dev.lofi.localizer.offline.LocalizedVideo;
import dev.lofi.localizer.offline.OfflineListener;
import dev.lofi.localizer.offline.OfflineLocalization;
import dev.lofi.localizer.offline.OfflineResult;
import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lofi localize files}: offline localization of video files to ActivityNet predictions. */
@Command(name = LocalizeFilesCommand.NAME, mixinStandardHelpOptions = true, defaultValueProvider = LocalizeDefaults.class,
    header = "Localize video files to an ActivityNet prediction file.",
    description = {"Localizes a video file, or every video of a directory, with the live service's",
        "inference code: each file decoded as 'lofi ingest --live' would (the --preset's full",
        "fidelity) and slid through the same window. Every closed action becomes an ActivityNet",
        "prediction (video id = file name without extension) in --out, which 'lofi evaluate'",
        "scores. --checkpoint REF is MODEL (its latest checkpoint on lofi.checkpoints; default",
        "--model), MODEL@VERSION, or a directory or .params file of 'lofi train --export'.",
        "Exit code 1 if any file failed; the others are still localized."})
final class LocalizeFilesCommand implements Callable<Integer> {

  static final String NAME = "files";

  @Mixin KafkaOptions kafka;

  @Mixin CheckpointKeyOptions keys;

  @Mixin SlidingWindowOptions window;

  @Parameters(index = "0", paramLabel = "FILE|DIR", description = "A video file, or a directory of them.")
  Path video;

  @Option(names = "--out", paramLabel = "PRED.json", required = true, description = "Where the predictions go.")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "REF",
      description = "MODEL, MODEL@VERSION or an export's path (default: --model's latest).")
  String checkpoint;

  @Option(names = "--threshold", paramLabel = "SCORE",
      description = "Lowest score of a detection (default: ${DEFAULT-VALUE}; mAP ranks them all).")
  double threshold;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LofiPreset preset = window.lofiPreset();
    SlidingWindowSettings sliding = window.settings(threshold);
    Fidelity fidelity = preset.fidelities().full();
    Path parent = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + parent + " for " + out, e);
    }
    CheckpointRef reference = BadUsage.interpreting(() -> CheckpointRef.parse(checkpoint != null ? checkpoint
        : window.modelName()));
    Checkpoint loaded;
    try (CheckpointKeyOptions.Scope trust = keys.apply(Optional.empty());
         KafkaConnection connection = kafka.connect(err)) {
      // A --checkpoint that names no checkpoint (no such version, no such export) is a bad argument.
      loaded = BadUsage.interpreting(() -> reference.load(connection.bootstrap()));
    }
    OfflineResult result;
    try (InferenceModel inference = InferenceModel.load(loaded)) {
      Console console = new Console(ProgressLine.forConsole(stdout, err));
      console.progress.println(String.format(Locale.ROOT, "localizing %s with %s: preset %s (%d frames of %d px a "
              + "snippet), window %d snippets, hop %d, threshold %s, merge tIoU %s", video, inference.version(),
          preset.id(), fidelity.framesPerSnippet(), fidelity.frameSize(), sliding.window(), sliding.hop(),
          sliding.threshold(), sliding.mergeTiou()));
      result = new OfflineLocalization(inference, fidelity, sliding, console).run(video);
      console.progress.clear();
    }
    ActivityNetPredictions.write(out, result.predictions());
    double media = result.videos().stream().mapToDouble(LocalizedVideo::mediaSeconds).sum();
    stdout.println(String.format(Locale.ROOT, "%s: %d predictions for %d videos (%d failed, %d skipped); media %.1f s "
            + "in %.1f s (%.1fx realtime)", out, result.predictions().values().stream().mapToInt(List::size).sum(),
        result.videos().size(), result.failed().size(), result.skipped().size(), media, result.seconds(),
        media / Math.max(result.seconds(), 1e-9)));
    stdout.flush();
    return result.succeeded() ? 0 : Lofi.FAILED;
  }

  /** A line per file and a bar over the files, as {@code lofi ingest} draws them. */
  private static final class Console extends FileConsole implements OfflineListener {

    Console(ProgressLine progress) {
      super(progress);
    }

    @Override
    public void snippetLocalized(ClipSnippet snippet) {
      snippets++;
      progress.update(fileIndex - 1, files, String.format(Locale.ROOT, "video %d/%d %s | %d snippets | media %.1f s"
          + " | %.1f s elapsed", fileIndex, files, fileName, snippets, snippet.mediaEnd(), elapsedSeconds()));
    }

    @Override
    public void videoLocalized(LocalizedVideo video) {
      progress.println(String.format(Locale.ROOT, "localized  %-24s %d predictions; %d snippets, media %.1f s in %.1f s",
          video.videoId(), video.predictions().size(), video.snippets(), video.mediaSeconds(), video.seconds()));
    }
  }
}
