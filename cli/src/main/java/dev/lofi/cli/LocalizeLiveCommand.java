package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.cli.monitoring.Health;
import dev.lofi.cli.monitoring.LocalizerMeters;
import dev.lofi.cli.monitoring.MonitoringEndpoint;
import dev.lofi.localizer.stream.LiveLocalizer;
import dev.lofi.localizer.stream.LocalizerListener;
import dev.lofi.localizer.stream.LocalizerSettings;
import dev.lofi.localizer.stream.LocalizerTopology;
import dev.lofi.localizer.stream.StreamsApplication;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.Segment;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi localize live}: the live localizer service. */
@Command(name = "live", mixinStandardHelpOptions = true, defaultValueProvider = LocalizeDefaults.class,
    header = "Stream action segments from live video.",
    description = {"The live service (Kafka Streams) from lofi.live.clips to lofi.segments; runs",
        "until stopped. Each snippet is encoded when it arrives; every --hop snippets the",
        "head runs on the newest --window of them, and the detections of overlapping windows",
        "are merged, so each action is published once 'opened' and once 'closed'. It waits",
        "for a lofi or head checkpoint of --model on lofi.checkpoints, then swaps in each new",
        "one without a restart. Instances with the same --application-id share the streams",
        "by partition."})
final class LocalizeLiveCommand implements Callable<Integer> {

  /** How long Ctrl-C waits for the service to commit what it processed and leave its group. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final long STATUS_MILLIS = 200;

  @Mixin KafkaOptions kafka;

  @Mixin CheckpointKeyOptions keys;

  @Mixin MonitoringOptions monitoring;

  @Mixin SlidingWindowOptions window;

  @Option(names = "--threshold", paramLabel = "SCORE",
      description = "Lowest score of a detection (default: ${DEFAULT-VALUE}).")
  double threshold;

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
    PrintWriter out = spec.commandLine().getOut();
    LocalizerSettings settings = BadUsage.interpreting(() -> new LocalizerSettings(window.modelName(),
        window.settings(threshold), new StreamsApplication(applicationId, stateDir, threads, guarantee)));
    try (CheckpointKeyOptions.Scope trust = keys.apply(Optional.empty());
         KafkaConnection connection = kafka.connect(spec.commandLine().getErr())) {
      try (CatalogAdmin admin = CatalogAdmin.connect(connection.bootstrap())) {
        admin.createMissing(List.of(TopicCatalog.LIVE_CLIPS, TopicCatalog.SEGMENTS, TopicCatalog.CHECKPOINTS,
            TopicCatalog.DLQ));
      }
      Console console = new Console(ProgressLine.forConsole(out, spec.commandLine().getErr()));
      console.progress.println(String.format(Locale.ROOT, "localizing %s -> %s with the checkpoints of %s: window %d"
              + " snippets, hop %d, threshold %s, %s, application %s, %d thread(s)", TopicCatalog.LIVE_CLIPS.name(),
          TopicCatalog.SEGMENTS.name(), settings.model(), settings.sliding().window(), settings.sliding().hop(),
          settings.sliding().threshold(), settings.application().processingGuarantee(), settings.application().applicationId(),
          settings.application().threads()));
      CountDownLatch stop = new CountDownLatch(1);
      // Closed in reverse: the localizer has committed and left its group before a Ctrl-C lets the JVM end.
      PrometheusMeterRegistry registry = monitoring.registry();
      try (GracefulShutdown shutdown = new GracefulShutdown(stop::countDown, STOP_GRACE);
           LiveLocalizer localizer = new LiveLocalizer(connection.bootstrap(), settings,
               LocalizerTopology.streamsConfig(connection.bootstrap(), settings),
               LocalizerListener.all(console, new LocalizerMeters(registry)));
           KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(localizer.streams())) {
        streamsMetrics.bindTo(registry);
        Optional<MonitoringEndpoint> endpoint = monitoring.start(registry, () -> health(localizer),
            spec.commandLine().getErr());
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
        endpoint.ifPresent(MonitoringEndpoint::close);
        console.progress.println(console.summary());
      }
    }
    return 0;
  }

  /**
   * Up while Kafka Streams runs, rebalances or waits for a first checkpoint (it starts with one);
   * down once it has stopped or failed.
   */
  private static Health health(LiveLocalizer localizer) {
    KafkaStreams.State state = localizer.state();
    boolean waiting = state == KafkaStreams.State.CREATED;
    boolean up = waiting || state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    return new Health(up && localizer.failure().isEmpty(), waiting ? "WAITING_FOR_CHECKPOINT" : state.name(),
        Map.of("model", localizer.modelVersion().orElse("none")));
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
    private final AtomicLong notEncodable = new AtomicLong();

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
    public void notEncodable(String origin, String reason) {
      notEncodable.incrementAndGet();
    }

    @Override
    public void loaded(String version) {
      progress.println("model " + version + " loaded");
    }

    @Override
    public void refused(String version, String reason) {
      progress.println("checkpoint " + version + " refused: " + reason);
    }

    synchronized void status(String model) {
      progress.status("model " + model + " | " + summary());
    }

    String summary() {
      return String.format(Locale.ROOT, "%d streams, %d snippets, %d opened, %d closed, %d unreadable, %d not "
          + "encodable", streams.size(), snippets.get(), opened.get(), closed.get(), unreadable.get(), notEncodable.get());
    }
  }
}
