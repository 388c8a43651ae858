package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.cli.cluster.LocalCluster;
import dev.lofi.ingest.bench.BenchVideo;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.Segment;
import dev.lofi.topics.record.VideoMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a 3-node cluster of {@code lofi broker} processes ({@code lofi cluster}), the leader of the
 * partitions being written is killed with {@code kill -9} during ingest and during live
 * localization: ingest finishes with every video committed once, and the localizers (two
 * {@code localize live} processes sharing one application id, as docker/compose.yaml runs them)
 * resume and publish exactly the closed segments of an uninterrupted run of the same stream. The
 * scenario's steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverEndToEndTest {

  private static final int VIDEOS = 4;
  private static final Duration WAIT = Duration.ofMinutes(3);

  @TempDir
  static Path dir;

  private static LocalCluster cluster;
  private static Path videos;
  private static Path annotations;

  @BeforeAll
  static void clusterWithTopics() throws Exception {
    videos = Files.createDirectories(dir.resolve("videos"));
    StringBuilder database = new StringBuilder();
    for (int i = 0; i < VIDEOS; i++) {
      new BenchVideo(96, 64, 15, 6).write(videos.resolve("walk_" + i + ".mp4"));
      database.append(i == 0 ? "" : ",").append("\"walk_").append(i).append("\": {\"subset\": \"training\", ")
          .append("\"duration\": 6.0, \"annotations\": [{\"segment\": [1.0, 4.0], \"label\": \"walk\"}]}");
    }
    annotations = Files.writeString(dir.resolve("annotations.json"), "{\"database\": {" + database + "}}");
    cluster = LocalCluster.start(dir.resolve("cluster"), 3, 0, 0);
    cluster.awaitReady(WAIT);
    LofiRun topics = LofiRun.of("topics", "create", "--bootstrap", cluster.bootstrapServers());
    assertThat(topics.exitCode()).as(topics.all()).isZero();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void topicsOnThreeNodesAreReplicatedThreeTimesAndRefuseWritesWithFewerThanTwoInSync() throws Exception {
    try (Admin admin = admin()) {
      String topic = TopicCatalog.clips("t").name();
      TopicDescription clips = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      assertThat(clips.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
          .get("min.insync.replicas").value()).isEqualTo("2");
    }
  }

  @Test
  @Order(2)
  void ingestFinishesWhenTheLeaderOfItsClipPartitionsIsKilledAndCommitsEveryVideoOnce() throws Exception {
    CompletableFuture<LofiRun> ingest = CompletableFuture.supplyAsync(() -> LofiRun.of("ingest", "--bootstrap",
        cluster.bootstrapServers(), "--videos", videos.toString(), "--annotations", annotations.toString(),
        "--fidelities", "full,t"));
    awaitTrue("the first video committed", () -> !TopicSnapshot.read(cluster.bootstrapServers(),
        TopicCatalog.VIDEOS.name()).isEmpty() || ingest.isDone());
    int killed = busiestLeader(List.of(TopicCatalog.clips("full").name(), TopicCatalog.clips("t").name()));
    cluster.kill(killed);
    long killedAt = System.nanoTime();

    LofiRun done = ingest.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    System.out.printf("ingest: node %d killed; ingest ended %.1f s later%n", killed,
        (System.nanoTime() - killedAt) / 1e9);
    assertThat(done.exitCode()).as(done.all()).isZero();
    assertThat(done.out()).contains(VIDEOS + " published");

    Map<String, Integer> expected = new HashMap<>();
    for (var record : TopicSnapshot.read(cluster.bootstrapServers(), TopicCatalog.VIDEOS.name())) {
      VideoMetadata metadata = RecordSerdes.videoMetadata().decode(record.value());
      metadata.ingest().snippets().forEach((fidelity, n) -> expected.put(metadata.videoId() + "/" + fidelity, n));
    }
    assertThat(expected).hasSize(VIDEOS * 2);
    for (String fidelity : List.of("full", "t")) {
      List<String> seen = new ArrayList<>();
      for (var record : TopicSnapshot.read(cluster.bootstrapServers(), TopicCatalog.clips(fidelity).name())) {
        ClipSnippet clip = RecordSerdes.clipSnippet().decode(record.value());
        seen.add(clip.videoId() + "/" + fidelity + "#" + clip.snippetIndex());
      }
      assertThat(new HashSet<>(seen)).as("no snippet twice").hasSameSizeAs(seen);
      Map<String, Long> perVideo = seen.stream().collect(Collectors.groupingBy(s -> s.substring(0, s.indexOf('#')),
          Collectors.counting()));
      expected.entrySet().stream().filter(e -> e.getKey().endsWith("/" + fidelity))
          .forEach(e -> assertThat(perVideo.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue().longValue()));
    }
  }

  @Test
  @Order(3)
  void trainingRunsOnTwoOfThreeNodes() {
    LofiRun train = LofiRun.of("train", "--bootstrap", cluster.bootstrapServers(), "--stage", "lofi", "--fidelities", "t",
        "--epochs", "1", "--max-steps", "1", "--batch", "2");
    assertThat(train.exitCode()).as(train.all()).isZero();
  }

  @Test
  @Order(4)
  void localizersResumeAfterTheSegmentLeaderIsKilledWithNoClosedSegmentLostOrRepeated() throws Exception {
    for (int id = 1; id <= cluster.size(); id++) {
      if (!cluster.isRunning(id)) {
        cluster.restart(id);
      }
    }
    cluster.awaitReady(WAIT);
    List<Integer> ports = List.of(Http.freePort(), Http.freePort());
    List<LofiProcess> localizers = new ArrayList<>();
    try {
      for (int i = 0; i < ports.size(); i++) {
        localizers.add(LofiProcess.start(dir.resolve("localizer-" + i + ".log"), "localize", "live", "--bootstrap",
            cluster.bootstrapServers(), "--application-id", "lofi-failover", "--state-dir",
            dir.resolve("state-" + i).toString(), "--threshold", "0", "--metrics-port", ports.get(i).toString()));
      }
      for (int i = 0; i < ports.size(); i++) {
        int port = ports.get(i);
        LofiProcess localizer = localizers.get(i);
        awaitTrue("localizer " + i + " healthy with a model (" + localizer.output() + ")",
            () -> health(port).contains("\"status\":\"UP\"") && health(port).contains("lofi-cpu@"));
      }
      Path camera = videos.resolve("walk_0.mp4");

      LofiRun reference = LofiRun.of("ingest", "--bootstrap", cluster.bootstrapServers(), "--live", camera.toString(),
          "--stream", "cam-reference");
      assertThat(reference.exitCode()).as(reference.all()).isZero();
      List<String> expected = awaitClosed("cam-reference", localizers);
      assertThat(expected).as("an uninterrupted run closes segments").isNotEmpty();

      CompletableFuture<LofiRun> live = CompletableFuture.supplyAsync(() -> LofiRun.of("ingest", "--bootstrap",
          cluster.bootstrapServers(), "--live", camera.toString(), "--stream", "cam-failover", "--realtime"));
      awaitTrue("the first segment of cam-failover", () -> !segments("cam-failover").isEmpty() || live.isDone());
      int killed = leaderOf(TopicCatalog.SEGMENTS.name(), "cam-failover");
      int before = segments("cam-failover").size();
      cluster.kill(killed);
      long killedAt = System.nanoTime();
      awaitTrue("a segment after the kill", () -> segments("cam-failover").size() > before || live.isDone());
      double resumed = (System.nanoTime() - killedAt) / 1e9;

      LofiRun failover = live.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(failover.exitCode()).as(failover.all()).isZero();
      List<String> seen = awaitClosed("cam-failover", localizers);
      System.out.printf("live: node %d (leader of cam-failover's segment partition) killed; next segment %.1f s "
          + "later; closed segments expected %d, seen %d, distinct %d%n", killed, resumed, expected.size(),
          seen.size(), new HashSet<>(seen).size());
      assertThat(seen).as("the closed segments of the uninterrupted run, each once").isEqualTo(expected);
      assertThat(localizers).allSatisfy(l -> assertThat(l.isAlive()).as(l.output()).isTrue());
      // What a Prometheus scrape of each replica gets: Kafka Streams' own metrics beside lofi's.
      assertThat(ports).allSatisfy(port -> assertThat(Http.get(port, "/metrics")).contains("kafka_stream_")
          .contains("lofi_localizer_model{version=\"lofi-cpu@"));
    } finally {
      for (LofiProcess localizer : localizers) {
        localizer.close();
      }
    }
  }

  /**
   * The closed segments of {@code stream}, label and media times, once the stream has ended and
   * every opened action is closed.
   */
  private static List<String> awaitClosed(String stream, List<LofiProcess> localizers) {
    awaitTrue("every opened segment of " + stream + " closed (" + localizers.get(0).output() + ")", () -> {
      List<Segment> s = segments(stream);
      long opened = s.stream().filter(x -> x.event() == Segment.Event.OPENED).count();
      long closed = s.stream().filter(x -> x.event() == Segment.Event.CLOSED).count();
      return closed > 0 && opened == closed;
    });
    // Anything still in flight for the stream (a repeat would be one) lands within a commit interval.
    Await.sleep(1000);
    return segments(stream).stream().filter(s -> s.event() == Segment.Event.CLOSED)
        .map(s -> String.format("%s %.3f-%.3f %.4f", s.label(), s.start(), s.end(), s.score())).sorted().toList();
  }

  private static List<Segment> segments(String stream) {
    return TopicSnapshot.read(cluster.bootstrapServers(), TopicCatalog.SEGMENTS.name()).stream()
        .filter(r -> stream.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .map(r -> RecordSerdes.segment().decode(r.value())).toList();
  }

  /** The node that leads the most partitions of {@code topics}. */
  private static int busiestLeader(List<String> topics) throws Exception {
    try (Admin admin = admin()) {
      Map<Integer, Long> led = admin.describeTopics(topics).allTopicNames().get().values().stream()
          .flatMap(t -> t.partitions().stream())
          .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
      return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
  }

  /** The leader of the partition that records keyed {@code key} go to, as the default partitioner picks it. */
  private static int leaderOf(String topic, String key) throws Exception {
    try (Admin admin = admin()) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
          % description.partitions().size();
      return description.partitions().get(partition).leader().id();
    }
  }

  private static Admin admin() {
    return Admin.create(ClientProperties.admin(cluster.bootstrapServers()));
  }

  private static String health(int port) {
    return Http.get(port, "/health");
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    Await.until(what, WAIT, condition);
  }
}
