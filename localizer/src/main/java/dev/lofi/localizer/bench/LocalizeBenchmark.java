package dev.lofi.localizer.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.lofi.ingest.live.LiveIngest;
import dev.lofi.ingest.live.LiveListener;
import dev.lofi.ingest.live.LivePublisher;
import dev.lofi.ingest.live.LiveSource;
import dev.lofi.ingest.live.LiveSourceSettings;
import dev.lofi.ingest.live.LiveSummary;
import dev.lofi.ingest.live.RetryPolicy;
import dev.lofi.localizer.stream.LiveLocalizer;
import dev.lofi.localizer.stream.LocalizerListener;
import dev.lofi.localizer.stream.LocalizerSettings;
import dev.lofi.localizer.stream.LocalizerTopology;
import dev.lofi.localizer.stream.StreamsApplication;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.Segment;
import dev.lofi.topics.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code lofi bench localize}: the live localizer's throughput and latency through a broker. An
 * untrained network of the preset is published as checkpoint {@link #MODEL}, and one running
 * service (the real topology, configuration and hot-reload path) localizes two streams of the
 * same generated video:
 * <ul>
 *   <li><b>Throughput.</b> The live ingest decodes the video beforehand; its snippets are then
 *       published at once, and the service works through them as fast as it can. Measured from
 *       the first snippet processed to the end marker processed, so start-up and the first
 *       snippet's warm-up are not in it.
 *   <li><b>Latency.</b> The live ingest plays the video in real time, as a camera delivers it, and
 *       a {@code read_committed} consumer of {@code lofi.segments} takes, for each segment of the
 *       stream, its receive time minus its record timestamp: the capture time of the snippet
 *       whose arrival decided it (live snippets carry it as their timestamp, and segments inherit
 *       their deciding snippet's).
 * </ul>
 * The service's application starts at the end of {@code lofi.live.clips}: on a shared cluster a
 * fresh application id would otherwise localize every stream the topic keeps and publish their
 * segments again. Its consumer group and internal topics are deleted afterwards.
 */
public final class LocalizeBenchmark {

  /** The model name of the benchmark's checkpoint: each run replaces the previous run's. */
  public static final String MODEL = "lofi-bench";

  private static final Duration PATIENCE = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final int SEED = 20211206;

  private final String bootstrap;
  private final String broker;
  private final LocalizeBenchSettings settings;
  private final Consumer<String> phases;
  private final AtomicReference<String> refusal = new AtomicReference<>();

  private LocalizeBenchmark(String bootstrap, String broker, LocalizeBenchSettings settings, Consumer<String> phases) {
    this.bootstrap = bootstrap;
    this.broker = broker;
    this.settings = settings;
    this.phases = phases;
  }

  /**
   * Runs both passes.
   *
   * @param broker how the result names the broker: {@code embedded}, or the address given
   * @param phases hears a line as each phase starts
   * @throws IllegalStateException if the service fails, a pass does not finish within minutes, or
   *     no segment comes out to measure latency with
   */
  public static LocalizeBenchResult run(String bootstrap, String broker, LocalizeBenchSettings settings,
      Consumer<String> phases) throws InterruptedException {
    return new LocalizeBenchmark(bootstrap, broker, settings, phases).measure();
  }

  private LocalizeBenchResult measure() throws InterruptedException {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.LIVE_CLIPS, TopicCatalog.SEGMENTS, TopicCatalog.CHECKPOINTS,
          TopicCatalog.DLQ));
    }
    phases.accept("publishing an untrained " + settings.preset().name() + " network as checkpoint " + MODEL);
    CheckpointManifest checkpoint = publishCheckpoint();
    phases.accept("video: " + settings.video().fileName() + " in " + settings.workDir() + " (made on first use)");
    Path video = settings.video().cachedIn(settings.workDir());
    String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    WatchedStream throughput = new WatchedStream(run + "-throughput");
    WatchedStream latency = new WatchedStream(run + "-latency");
    List<ClipSnippet> snippets = decode(video, throughput.id());

    LocalizerSettings service = new LocalizerSettings(MODEL, settings.sliding(),
        StreamsApplication.exactlyOnce("lofi-" + run, settings.workDir().resolve("localizer")));
    startAtTheEnd(service.application().applicationId());
    LiveLocalizer localizer = new LiveLocalizer(bootstrap, service,
        LocalizerTopology.streamsConfig(bootstrap, service), listener(List.of(throughput, latency)));
    Latencies latencies = new Latencies();
    try {
      localizer.start();
      phases.accept("throughput: " + (snippets.size() - 1) + " snippets and the end marker published at once");
      try (LivePublisher publisher = new LivePublisher(bootstrap, throughput.id())) {
        snippets.forEach(publisher::send);
        publisher.flush();
      }
      await(throughput::ended, localizer, deadline(PATIENCE), "the throughput stream's end");
      phases.accept("latency: the video in real time (" + settings.seconds() + " s)");
      playInRealTime(video, latency, localizer, latencies);
    } finally {
      localizer.close();
      localizer.streams().cleanUp();
      forget(service.application().applicationId());
    }
    if (latencies.closedAfterEnd.isEmpty()) {
      throw new IllegalStateException("no closed segment came out of the latency pass to measure: lower the threshold "
          + settings.sliding().threshold());
    }
    double seconds = throughput.secondsAfterFirst();
    return new LocalizeBenchResult(throughput.snippetsAfterFirst() / seconds,
        throughput.mediaSecondsAfterFirst() / seconds, percentile(latencies.endToEnd, 50),
        percentile(latencies.endToEnd, 99), percentile(latencies.reported, 50), percentile(latencies.reported, 99),
        percentile(latencies.closedAfterEnd, 50), percentile(latencies.closedAfterEnd, 99),
        Math.round(settings.hopSeconds() * 1000) + 1000, settings.preset().name(), broker, settings.seconds(),
        settings.video().width(), settings.video().height(), settings.video().fps(), snippets.size() - 1, seconds,
        latencies.endToEnd.size(), settings.sliding().window(),
        settings.sliding().hop(), settings.hopSeconds(), settings.sliding().threshold(), service.application().processingGuarantee(),
        CheckpointConfig.versionOf(checkpoint));
  }

  /** The preset's network with untrained weights, as a {@code head} checkpoint: speed does not depend on them. */
  private CheckpointManifest publishCheckpoint() {
    try (NDManager manager = NDManager.newBaseManager()) {
      manager.getEngine().setRandomSeed(SEED);
      LocalizationNetwork network = settings.network().build();
      network.initialize(manager, DataType.FLOAT32, NetworkCheckpoint.exampleInput(settings.network()));
      List<String> labels = IntStream.range(0, settings.network().head().numClasses())
          .mapToObj(i -> "action " + i).toList();
      return NetworkCheckpoint.publish(bootstrap, MODEL, "head", 0, 0,
          new CheckpointConfig(settings.network(), labels, List.of()), Map.of(), network);
    }
  }

  /** The snippets and end marker that the live ingest of {@code video} publishes for {@code stream}. */
  private List<ClipSnippet> decode(Path video, String stream) {
    List<ClipSnippet> snippets = new ArrayList<>();
    LiveSummary summary = new LiveIngest(snippets::add, source(video, stream, false), new LiveListener() {}).run();
    if (!summary.succeeded()) {
      throw new IllegalStateException("cannot decode " + video + ": " + summary.failure());
    }
    return snippets;
  }

  private LiveSourceSettings source(Path video, String stream, boolean realtime) {
    return new LiveSourceSettings(new LiveSource(video.toString()), stream, settings.preset().full(),
        new LiveSourceSettings.Reading(realtime, false, RetryPolicy.withMaxRetries(0)));
  }

  /** The latency pass's samples, ms, one per segment (closed ones only for {@code closedAfterEnd}). */
  private static final class Latencies {
    final List<Long> endToEnd = new ArrayList<>();
    final List<Long> reported = new ArrayList<>();
    final List<Long> closedAfterEnd = new ArrayList<>();

    void add(Segment segment, long receivedMillis, long decidedByCaptureMillis) {
      endToEnd.add(receivedMillis - decidedByCaptureMillis);
      reported.add(segment.latencyMs());
      if (segment.event() == Segment.Event.CLOSED) {
        closedAfterEnd.add(receivedMillis - segment.endWall().toEpochMilli());
      }
    }
  }

  /**
   * Streams {@code video} in real time while a consumer of {@code lofi.segments}, positioned at its
   * end first, takes each segment of the stream's latencies as it receives it.
   */
  private void playInRealTime(Path video, WatchedStream stream, LiveLocalizer localizer, Latencies latencies)
      throws InterruptedException {
    String topic = TopicCatalog.SEGMENTS.name();
    try (KafkaConsumer<byte[], byte[]> consumer = TopicScan.follower(bootstrap)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, ADMIN_TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // Positions are looked up lazily: fixed now, before any segment of the stream exists.
      partitions.forEach(consumer::position);
      LiveIngest camera = new LiveIngest(bootstrap, source(video, stream.id(), true), new LiveListener() {});
      CompletableFuture<LiveSummary> played = CompletableFuture.supplyAsync(camera::run,
          task -> new Thread(task, "lofi-bench-camera").start());
      long deadline = deadline(Duration.ofSeconds(settings.seconds()).plus(PATIENCE));
      try {
        while (!stream.ended() || latencies.endToEnd.size() < stream.segments()) {
          check(localizer, deadline, "the latency stream's segments");
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            long received = System.currentTimeMillis();
            if (record.key() != null && stream.id().equals(new String(record.key(), StandardCharsets.UTF_8))) {
              latencies.add(RecordSerdes.segment().decode(record.value()), received, record.timestamp());
            }
          }
        }
      } finally {
        camera.stop();
      }
      LiveSummary summary = played.join();
      if (!summary.succeeded()) {
        throw new IllegalStateException("cannot stream " + video + ": " + summary.failure());
      }
    }
  }

  /** Hears the service's progress on the watched streams, and whether it refused the checkpoint. */
  private LocalizerListener listener(List<WatchedStream> watched) {
    Map<String, WatchedStream> streams = watched.stream().collect(Collectors.toMap(WatchedStream::id, s -> s));
    return new LocalizerListener() {
      @Override
      public void processed(ClipSnippet snippet) {
        long now = System.nanoTime();
        WatchedStream stream = streams.get(snippet.videoId());
        if (stream != null) {
          stream.processed(snippet, now);
        }
      }

      @Override
      public void segment(Segment segment) {
        WatchedStream stream = streams.get(segment.stream());
        if (stream != null) {
          stream.segmentHandedOn();
        }
      }

      @Override
      public void refused(String version, String reason) {
        refusal.set(version + ": " + reason);
      }
    };
  }

  private void await(BooleanSupplier done, LiveLocalizer localizer, long deadline, String what)
      throws InterruptedException {
    while (!done.getAsBoolean()) {
      check(localizer, deadline, what);
      Thread.sleep(POLL.toMillis() / 2);
    }
  }

  /** Throws if the service stopped, refused the checkpoint, or {@code what} is overdue. */
  private void check(LiveLocalizer localizer, long deadline, String what) {
    if (localizer.failure().isPresent()) {
      throw new IllegalStateException("the localizer stopped", localizer.failure().get());
    }
    if (refusal.get() != null) {
      throw new IllegalStateException("the localizer refused the benchmark's checkpoint " + refusal.get());
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("waited too long for " + what);
    }
  }

  private static long deadline(Duration patience) {
    return System.nanoTime() + patience.toNanos();
  }

  /** Commits the application's offsets at the end of {@code lofi.live.clips}, where it then starts. */
  private void startAtTheEnd(String applicationId) throws InterruptedException {
    String topic = TopicCatalog.LIVE_CLIPS.name();
    try (Admin admin = Admin.create(ClientProperties.admin(bootstrap))) {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(ADMIN_TIMEOUT.toSeconds(),
          TimeUnit.SECONDS).get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
          .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
      Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all()
          .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
      admin.alterConsumerGroupOffsets(applicationId, ends).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot start the benchmark's application at the end of " + topic, e);
    }
  }

  /** Deletes the application's consumer group and internal topics; a failure is only reported. */
  private void forget(String applicationId) throws InterruptedException {
    try (Admin admin = Admin.create(ClientProperties.admin(bootstrap))) {
      Set<String> internal = admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
          .filter(name -> name.startsWith(applicationId + "-")).collect(Collectors.toSet());
      admin.deleteTopics(internal).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      admin.deleteConsumerGroups(List.of(applicationId)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      phases.accept("left behind: consumer group " + applicationId + " or its internal topics (" + e.getMessage() + ")");
    }
  }

  /** The nearest-rank percentile: the smallest value at least {@code p} percent of the values do not exceed. */
  static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
