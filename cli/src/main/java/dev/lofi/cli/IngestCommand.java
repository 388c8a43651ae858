package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.ingest.annotation.ActivityNetFormat;
import dev.lofi.ingest.annotation.AnnotationProblem;
import dev.lofi.ingest.annotation.AnnotationSet;
import dev.lofi.ingest.annotation.Thumos14Format;
import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.ingest.files.FileIngest;
import dev.lofi.ingest.files.IngestListener;
import dev.lofi.ingest.files.IngestSettings;
import dev.lofi.ingest.files.IngestSummary;
import dev.lofi.ingest.live.LiveIngest;
import dev.lofi.ingest.live.LiveSource;
import dev.lofi.ingest.live.LiveSourceSettings;
import dev.lofi.ingest.live.LiveSummary;
import dev.lofi.ingest.live.RetryPolicy;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.VideoAnnotations;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi ingest}: video files and live sources to the clip topics. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    header = "Publish videos or a live source as clip snippets.",
    description = {"Decodes videos with FFmpeg, samples snippets at every requested fidelity in one",
        "pass, and publishes them to lofi.clips.<fidelity>, with metadata to lofi.videos and ground",
        "truth to lofi.annotations: one Kafka transaction per video, so a video that fails half-way",
        "publishes nothing. A video already ingested with the same content and sampling is skipped,",
        "but for its ground truth: where that differs from the cluster's, only it is published again.",
        "A bad annotation entry is named and left out; its video keeps the good ones. Frames are",
        "squashed to S x S (nothing cropped). Exit code 1 if any file failed or annotation was left out.",
        "",
        "With --live, publishes one source - a file, a camera (/dev/videoN) or a URL (rtsp://, http://, ...) -",
        "as consecutive full-fidelity snippets to lofi.live.clips, keyed by --stream, until it ends or",
        "Ctrl-C, and then an end-of-stream marker. A camera or URL that fails or ends is reopened with",
        "back-off (0.5 s doubling to 30 s) and the next snippet is marked as a discontinuity; a file is",
        "read once (or repeated with --loop). Exit code 1 if the source failed for good."})
final class IngestCommand implements Callable<Integer> {

  /** How long Ctrl-C waits for a live ingest to publish its end marker and flush. */
  private static final Duration LIVE_STOP_GRACE = Duration.ofSeconds(30);

  @Mixin KafkaOptions kafka;

  @Option(names = "--videos", paramLabel = "DIR|FILE", description = "A video file, or a directory of them.")
  Path videos;

  @Option(names = "--annotations", paramLabel = "FILE|DIR",
      description = "Ground truth: an ActivityNet JSON file, or a THUMOS14 annotation directory.")
  Path annotations;

  @Option(names = "--fidelities", split = ",", defaultValue = FidelityPreset.NAMES_OPTION,
      description = "Fidelities to publish (default: ${DEFAULT-VALUE}).")
  List<String> fidelities;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Fidelity preset (default: ${DEFAULT-VALUE}).")
  LofiPreset preset;

  @Option(names = "--force", description = "Publish again videos already on the cluster with the same content and sampling.")
  boolean force;

  @Option(names = "--live", paramLabel = "URI", description = "A live source: file, rtsp:// or http:// URL, or camera device.")
  String live;

  @Option(names = "--stream", paramLabel = "ID", description = "Stream id of the live source (the record key).")
  String stream;

  @Option(names = "--realtime", description = "Pace a file source at its frame rate.")
  boolean realtime;

  @Option(names = "--loop", description = "Repeat a file source, media time going on.")
  boolean loop;

  @Option(names = "--max-retries", paramLabel = "N", description = "Reopen a failed live source at most N times "
      + "in a row (default: unlimited for cameras and URLs, none for files).")
  Integer maxRetries;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (live != null) {
      return ingestLive(out, err);
    }
    if (stream != null || realtime || loop || maxRetries != null) {
      throw new BadUsage("--stream, --realtime, --loop and --max-retries apply to --live URI");
    }
    if (videos == null) {
      throw new BadUsage("give --videos DIR|FILE (or --live URI --stream ID)");
    }
    AnnotationSet truth = annotations == null ? null : readAnnotations(annotations);
    IngestSettings settings = BadUsage.interpreting(() -> new IngestSettings(preset.fidelities(), fidelities,
        truth, force));
    IngestSummary summary;
    try (KafkaConnection connection = kafka.connect(err)) {
      try (CatalogAdmin admin = CatalogAdmin.connect(connection.bootstrap())) {
        admin.createMissing(List.of(TopicCatalog.VIDEOS, TopicCatalog.ANNOTATIONS, TopicCatalog.DLQ));
        admin.createMissing(fidelities.stream().map(TopicCatalog::clips).toList());
      }
      ConsoleListener listener = new ConsoleListener(ProgressLine.forConsole(out, err));
      summary = new FileIngest(connection.bootstrap(), settings, listener).run(videos);
      listener.progress.clear();
    }
    printSummary(out, summary);
    IngestSummary.ClusterLoss loss = summary.clusterLoss();
    if (loss != null) {
      int notCommitted = loss.videos() - loss.committed() - summary.failed().size();
      err.printf("%s: error: lost the Kafka cluster at %s while publishing %s (%s); %d of %d videos committed, "
              + "%d not; re-run to finish (what is committed is skipped)%n", spec.qualifiedName(),
          LocalTime.ofInstant(loss.at(), ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS), loss.file(),
          loss.reason(), loss.committed(), loss.videos(), notCommitted);
      err.flush();
    }
    return summary.succeeded() ? 0 : Lofi.FAILED;
  }

  private int ingestLive(PrintWriter out, PrintWriter err) {
    if (videos != null || annotations != null || force) {
      throw new BadUsage("--live publishes one source: leave out --videos, --annotations and --force");
    }
    if (stream == null) {
      throw new BadUsage("--live needs --stream ID, the key its snippets are published under");
    }
    LiveSourceSettings settings = BadUsage.interpreting(() -> new LiveSourceSettings(new LiveSource(live), stream,
        preset.fidelities().full(), new LiveSourceSettings.Reading(realtime, loop,
            maxRetries == null ? null : RetryPolicy.withMaxRetries(maxRetries))));
    ProgressLine progress = ProgressLine.forConsole(out, err);
    LiveSummary summary;
    try (KafkaConnection connection = kafka.connect(err)) {
      try (CatalogAdmin admin = CatalogAdmin.connect(connection.bootstrap())) {
        admin.createMissing(List.of(TopicCatalog.LIVE_CLIPS, TopicCatalog.DLQ));
      }
      LiveIngest ingest = new LiveIngest(connection.bootstrap(), settings, new LiveConsole(stream, progress));
      try (GracefulShutdown shutdown = new GracefulShutdown(ingest::stop, LIVE_STOP_GRACE)) {
        summary = ingest.run();
        progress.println(describe(summary));
        if (!summary.succeeded()) {
          err.println(spec.qualifiedName() + ": error: " + settings.source() + ": " + summary.failure());
          err.flush();
        }
      }
    }
    return summary.succeeded() ? 0 : Lofi.FAILED;
  }

  private static String describe(LiveSummary summary) {
    String ending = switch (summary.ending()) {
      case FINISHED -> "the file ended";
      case STOPPED -> "stopped";
      case FAILED -> "the source failed";
    };
    return String.format("%s: %d snippets (%.1f MB) and the end marker to %s; media %.1f s in %.1f s "
            + "(%.2fx realtime), %d reconnects; %s", summary.streamId(), summary.snippets(), summary.clipBytes() / 1e6,
        TopicCatalog.LIVE_CLIPS.name(), summary.mediaSeconds(), summary.seconds(), summary.realtimeFactor(),
        summary.reconnects(), ending);
  }

  private static AnnotationSet readAnnotations(Path path) {
    return Files.isDirectory(path) ? Thumos14Format.read(path) : ActivityNetFormat.read(path);
  }

  private static void printSummary(PrintWriter out, IngestSummary summary) {
    if (!summary.annotatedWithoutVideo().isEmpty()) {
      out.printf("note: %d annotated video(s) have no file here, e.g. %s%n", summary.annotatedWithoutVideo().size(),
          summary.annotatedWithoutVideo().get(0));
    }
    double megabytes = summary.clipBytes() / 1e6;
    out.printf("%d published, %d ground truth updated, %d skipped, %d failed; snippets %s; %.1f MB in %.1f s "
            + "(%.1f MB/s)%n", summary.published().size(), summary.groundTruthUpdated().size(),
        summary.skipped().size(), summary.failed().size(),
        summary.snippetsPerFidelity().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" ")),
        megabytes, summary.seconds(), megabytes / Math.max(summary.seconds(), 1e-9));
    if (!summary.annotationProblems().isEmpty()) {
      printAnnotationProblems(out, summary.annotationProblems());
    }
    out.flush();
  }

  /** Each problem once more, since they went by among the files: the list to fix the file from. */
  private static void printAnnotationProblems(PrintWriter out, List<IngestSummary.LeftOut> problems) {
    out.printf("annotation problems (%d); fixed, they need no --force: ingesting again publishes just the changed "
        + "ground truth%n", problems.size());
    problems.forEach(p -> out.println("  " + leftOut(p.videoKept()) + ": " + p.problem()));
  }

  private static String segments(int count) {
    return count + (count == 1 ? " segment" : " segments");
  }

  /** What became of an annotation problem's entry, as ingest's lines say it. */
  private static String leftOut(boolean videoKept) {
    return videoKept ? "entry left out" : "video left out";
  }

  /** Prints one line per file and keeps the progress bar moving. */
  private static final class ConsoleListener extends FileConsole implements IngestListener {
    private int expectedSnippets;
    private long bytes;

    ConsoleListener(ProgressLine progress) {
      super(progress);
    }

    @Override
    public void fileStarted(Path file, int index, int total) {
      super.fileStarted(file, index, total);
      expectedSnippets = 1;
    }

    @Override
    public void videoStarted(String id, VideoProbe probe, int expected) {
      expectedSnippets = expected;
    }

    @Override
    public void snippetPublished(ClipSnippet snippet) {
      snippets++;
      bytes += snippet.payload().length;
      progress.update(fileIndex - 1 + (double) snippets / expectedSnippets, files, String.format(
          "video %d/%d %s | %d snippets | %.1f MB/s", fileIndex, files, fileName, snippets, bytes / 1e6 / elapsedSeconds()));
    }

    @Override
    public void videoPublished(IngestSummary.Published video) {
      progress.println(String.format("published  %-24s %s  %d frames decoded in %.1f s", video.videoId(),
          video.snippets().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(" ")), video.decodedFrames(), video.seconds())
          + (video.annotated() ? "  (ground truth: " + segments(video.truth().annotations().size()) + ")" : ""));
    }

    @Override
    public void groundTruthUpdated(IngestSummary.GroundTruthUpdate update) {
      VideoAnnotations previous = update.previous();
      progress.println("updated ground truth of " + update.videoId() + ": "
          + segments(update.truth().annotations().size())
          + " (was " + (previous == null ? "none" : previous.annotations().size()) + ")"
          + (update.subsetChanged() ? ", subset now " + update.truth().subset() : ""));
    }

    @Override
    public void annotationProblems(String videoId, List<AnnotationProblem> problems, boolean videoKept) {
      problems.forEach(p -> progress.println("           " + leftOut(videoKept) + ": " + p));
    }
  }
}
