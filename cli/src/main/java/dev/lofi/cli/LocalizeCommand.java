package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.localizer.evaluation.ActivityNetPredictions;
import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.offline.CheckpointRef;
import dev.lofi.localizer.offline.LocalizedVideo;
import dev.lofi.localizer.offline.OfflineListener;
import dev.lofi.localizer.offline.OfflineLocalization;
import dev.lofi.localizer.offline.OfflineResult;
import dev.lofi.localizer.stream.LiveLocalizer;
import dev.lofi.localizer.stream.LocalizerListener;
import dev.lofi.localizer.stream.LocalizerSettings;
import dev.lofi.localizer.stream.LocalizerTopology;
import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.Segment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code lofi localize}: the live localizer service, or offline localization of files. */
@Command(name = "localize", mixinStandardHelpOptions = true, defaultValueProvider = LocalizeCommand.Defaults.class,
    header = "Stream action segments from live video, or localize files.",
    description = {"Without --video: the live service (Kafka Streams) from lofi.live.clips to",
        "lofi.segments; runs until stopped. Each snippet is encoded when it arrives;",
        "every --hop snippets the head runs on the newest --window of them, and the",
        "detections of overlapping windows are merged, so each action is published",
        "once 'opened' and once 'closed'. It waits for a lofi or head checkpoint of",
        "--model on lofi.checkpoints, then swaps in each new one without a restart.",
        "Instances with the same --application-id share the streams by partition.",
        "",
        "With --video FILE|DIR --out PRED.json: localizes video files offline with the same",
        "inference code, each file decoded as 'lofi ingest --live' would (the --preset's full",
        "fidelity) and slid through the same window, and writes every closed action as an",
        "ActivityNet prediction (video id = file name without extension). --checkpoint REF is",
        "MODEL (its latest checkpoint on lofi.checkpoints; default --model), MODEL@VERSION,",
        "or a directory or .params file of 'lofi train --export'. The threshold defaults to",
        "0.01: mAP ranks every detection. Exit code 1 if any file failed."})
final class LocalizeCommand implements Callable<Integer> {

  /** How long Ctrl-C waits for the service to commit what it processed and leave its group. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final long STATUS_MILLIS = 200;
  private static final List<String> LIVE_ONLY = List.of("--application-id", "--state-dir", "--threads",
      "--processing-guarantee", "--no-wait");

  @Mixin KafkaOptions kafka;

  @Option(names = "--video", paramLabel = "FILE|DIR", description = "Localize these files offline.")
  Path video;

  @Option(names = "--out", paramLabel = "PRED.json", description = "Where offline predictions go.")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "REF",
      description = "With --video: MODEL, MODEL@VERSION or an export's path (default: --model's latest).")
  String checkpoint;

  @Option(names = "--preset", paramLabel = "cpu|paper", description = "The model's preset: it names the model and "
      + "sizes the window (and with --video, the full fidelity files are decoded at) (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--model", paramLabel = "NAME",
      description = "Model whose checkpoints to load (default: the preset's, lofi-PRESET, as lofi train names it).")
  String model;

  @Option(names = "--window", paramLabel = "N", description = "Snippets the head sees at once (default: the preset's "
      + "full-fidelity snippet count, the length the head was trained on).")
  Integer window;

  @Option(names = "--hop", paramLabel = "N", description = "Snippets between two runs of the head (default: ${DEFAULT-VALUE}).")
  int hop;

  @Option(names = "--threshold", paramLabel = "SCORE",
      description = "Lowest score of a detection (default: ${DEFAULT-VALUE}; with --video: " + OfflineLocalization.DEFAULT_THRESHOLD + ").")
  double threshold;

  @Option(names = "--merge-tiou", paramLabel = "T",
      description = "tIoU at which a detection continues an action of its label (default: ${DEFAULT-VALUE}).")
  double mergeTiou;

  @Option(names = "--application-id", paramLabel = "ID",
      description = "Kafka Streams application id; instances with the same id share the streams (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--threads", paramLabel = "N", description = "Processing threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--processing-guarantee", paramLabel = "exactly_once_v2|at_least_once",
      description = "exactly_once_v2: segments, state and offsets commit together; at_least_once: a crash may "
          + "repeat segments (default: ${DEFAULT-VALUE}).")
  String guarantee;

  @Option(names = "--no-wait",
      description = "Fail at start if lofi.checkpoints holds no usable checkpoint of the model, instead of waiting for one.")
  boolean noWait;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ParseResult given = spec.commandLine().getParseResult();
    LofiPreset lofiPreset = BadUsage.interpreting(() -> LofiPreset.named(preset));
    String modelName = model != null ? model : lofiPreset.modelName();
    int windowSize = window != null ? window : lofiPreset.liveWindow();
    if (video != null) {
      List<String> live = LIVE_ONLY.stream().filter(given::hasMatchedOption).toList();
      if (!live.isEmpty()) {
        throw new BadUsage(String.join(", ", live) + " apply to the live service, not to --video");
      }
      if (out == null) {
        throw new BadUsage("--video needs --out PRED.json, where the predictions go");
      }
      SlidingWindowSettings sliding = BadUsage.interpreting(() -> new SlidingWindowSettings(windowSize, hop,
          given.hasMatchedOption("--threshold") ? threshold : OfflineLocalization.DEFAULT_THRESHOLD, mergeTiou));
      return offline(lofiPreset, modelName, sliding, spec.commandLine().getOut(), err);
    }
    if (out != null || checkpoint != null) {
      throw new BadUsage("--out and --checkpoint go with --video FILE|DIR (offline localization)");
    }
    LocalizerSettings settings = BadUsage.interpreting(() -> new LocalizerSettings(modelName,
        new SlidingWindowSettings(windowSize, hop, threshold, mergeTiou), applicationId, stateDir, threads, guarantee));
    return live(settings, spec.commandLine().getOut(), err);
  }

  private int offline(LofiPreset lofiPreset, String modelName, SlidingWindowSettings sliding, PrintWriter out,
      PrintWriter err) {
    Fidelity fidelity = lofiPreset.fidelities().full();
    Path parent = this.out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + parent + " for " + this.out, e);
    }
    CheckpointRef reference = BadUsage.interpreting(() -> CheckpointRef.parse(checkpoint != null ? checkpoint : modelName));
    Checkpoint loaded;
    try (KafkaConnection connection = kafka.connect(err)) {
      // A --checkpoint that names no checkpoint (no such version, no such export) is a bad argument.
      loaded = BadUsage.interpreting(() -> reference.load(connection.bootstrap()));
    }
    OfflineResult result;
    try (InferenceModel inference = InferenceModel.load(loaded)) {
      OfflineConsole console = new OfflineConsole(ProgressLine.forConsole(out, err));
      console.progress.println(String.format(Locale.ROOT, "localizing %s with %s: preset %s (%d frames of %d px a "
              + "snippet), window %d snippets, hop %d, threshold %s, merge tIoU %s", video, inference.version(),
          lofiPreset.id(), fidelity.framesPerSnippet(), fidelity.frameSize(), sliding.window(), sliding.hop(),
          sliding.threshold(), sliding.mergeTiou()));
      result = new OfflineLocalization(inference, fidelity, sliding, console).run(video);
      console.progress.clear();
    }
    ActivityNetPredictions.write(this.out, result.predictions());
    double media = result.videos().stream().mapToDouble(LocalizedVideo::mediaSeconds).sum();
    out.println(String.format(Locale.ROOT, "%s: %d predictions for %d videos (%d failed, %d skipped); media %.1f s "
            + "in %.1f s (%.1fx realtime)", this.out, result.predictions().values().stream().mapToInt(List::size).sum(),
        result.videos().size(), result.failed().size(), result.skipped().size(), media, result.seconds(),
        media / Math.max(result.seconds(), 1e-9)));
    out.flush();
    return result.succeeded() ? 0 : Lofi.FAILED;
  }

  private int live(LocalizerSettings settings, PrintWriter out, PrintWriter err) throws InterruptedException {
    try (KafkaConnection connection = kafka.connect(err)) {
      try (CatalogAdmin admin = CatalogAdmin.connect(connection.bootstrap())) {
        admin.createMissing(List.of(TopicCatalog.LIVE_CLIPS, TopicCatalog.SEGMENTS, TopicCatalog.CHECKPOINTS,
            TopicCatalog.DLQ));
      }
      Console console = new Console(ProgressLine.forConsole(out, err));
      console.progress.println(String.format(Locale.ROOT, "localizing %s -> %s with the checkpoints of %s: window %d"
              + " snippets, hop %d, threshold %s, %s, application %s, %d thread(s)", TopicCatalog.LIVE_CLIPS.name(),
          TopicCatalog.SEGMENTS.name(), settings.model(), settings.sliding().window(), settings.sliding().hop(),
          settings.sliding().threshold(), settings.processingGuarantee(), settings.applicationId(), settings.streamThreads()));
      CountDownLatch stop = new CountDownLatch(1);
      // Closed in reverse: the localizer has committed and left its group before a Ctrl-C lets the JVM end.
      try (GracefulShutdown shutdown = new GracefulShutdown(stop::countDown, STOP_GRACE);
           LiveLocalizer localizer = new LiveLocalizer(connection.bootstrap(), settings,
               LocalizerTopology.streamsConfig(connection.bootstrap(), settings), console)) {
        localizer.start();
        while (!stop.await(STATUS_MILLIS, TimeUnit.MILLISECONDS)) {
          if (noWait && console.waiting.get() != null) {
            throw new IllegalStateException("no usable checkpoint of " + settings.model() + ": " + console.waiting.get());
          }
          if (localizer.awaitEnd(Duration.ZERO)) {
            break;
          }
          console.status(localizer.modelVersion().orElse("none yet"));
        }
        console.progress.clear();
        if (localizer.failure().isPresent()) {
          throw new IllegalStateException("the localizer stopped", localizer.failure().get());
        }
        console.progress.println("stopping: committing what was processed and leaving the group");
        localizer.close();
        console.progress.println(console.summary());
      }
    }
    return 0;
  }

  /** A line per file and a bar over the files, as {@code lofi ingest} draws them. */
  private static final class OfflineConsole extends FileConsole implements OfflineListener {

    OfflineConsole(ProgressLine progress) {
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

  /** Prints each segment as it is published, and a status line of the service's counts. */
  private static final class Console implements LocalizerListener {
    final ProgressLine progress;
    final AtomicReference<String> waiting = new AtomicReference<>();
    private final Set<String> streams = ConcurrentHashMap.newKeySet();
    private final AtomicLong snippets = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    Console(ProgressLine progress) {
      this.progress = progress;
    }

    @Override
    public void waiting(String reason) {
      waiting.set(reason);
    }

    @Override
    public void processed(ClipSnippet snippet) {
      streams.add(snippet.videoId());
      snippets.incrementAndGet();
    }

    @Override
    public synchronized void segment(Segment segment) {
      (segment.event() == Segment.Event.OPENED ? opened : closed).incrementAndGet();
      progress.println(String.format(Locale.ROOT, "%-7s %s %s %.3f-%.3f s score %.4f %s", segment.event().name()
          .toLowerCase(Locale.ROOT), segment.stream(), segment.label(), segment.start(), segment.end(), segment.score(),
          segment.model()));
    }

    @Override
    public void unreadable(String origin, String reason) {
      unreadable.incrementAndGet();
    }

    @Override
    public void refused(String origin, String reason) {
      refused.incrementAndGet();
    }

    synchronized void status(String model) {
      progress.status("model " + model + " | " + summary());
    }

    String summary() {
      return String.format(Locale.ROOT, "%d streams, %d snippets, %d opened, %d closed, %d unreadable, %d not "
          + "encodable", streams.size(), snippets.get(), opened.get(), closed.get(), unreadable.get(), refused.get());
    }
  }

  /** The live options' defaults are {@link LocalizerSettings#defaults()}, so help and behaviour agree with it. */
  static final class Defaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec argument) {
      if (!(argument instanceof OptionSpec option)) {
        return null;
      }
      LocalizerSettings defaults = LocalizerSettings.defaults();
      SlidingWindowSettings sliding = defaults.sliding();
      return switch (option.longestName()) {
        case "--preset" -> LofiPreset.CPU.id();
        case "--hop" -> Integer.toString(sliding.hop());
        case "--threshold" -> Double.toString(sliding.threshold());
        case "--merge-tiou" -> Double.toString(sliding.mergeTiou());
        case "--application-id" -> defaults.applicationId();
        case "--state-dir" -> defaults.stateDir().toString();
        case "--threads" -> Integer.toString(defaults.streamThreads());
        case "--processing-guarantee" -> defaults.processingGuarantee();
        default -> null;
      };
    }
  }
}
