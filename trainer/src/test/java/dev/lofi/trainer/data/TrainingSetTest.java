package dev.lofi.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.deadletter.DeadLetterHeaders;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Assembling training videos from the topics of a real broker. */
class TrainingSetTest {

  private static final int SNIPPETS = 4;
  private static String bootstrap;

  /** A fidelity name of each test's own, since the broker is shared by the test JVM. */
  private final String fidelity = "x" + UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void createTopics() {
    bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
  }

  @Test
  void completeAnnotatedVideosOfTheSubsetAreTrainableAndTheRestAreCountedByReason() {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      publish(producer, id("good"), "training", "run1", SNIPPETS, true);
      publish(producer, id("other-subset"), "validation", "run1", SNIPPETS, true);
      publish(producer, id("no-truth"), "training", "run1", SNIPPETS, false);
      publish(producer, id("short"), "training", "run1", SNIPPETS - 1, true);
      producer.send(new ProducerRecord<>(TopicCatalog.clips(fidelity).name(), null, id("corrupt"),
          "not a clip".getBytes(StandardCharsets.UTF_8), headers("run1")));
      publish(producer, id("corrupt"), "training", "run1", SNIPPETS - 1, true);
    }

    TrainingSet set = TrainingSet.load(bootstrap, fidelity, "training");

    assertThat(set.entries()).extracting(e -> e.location().videoId()).containsExactly(id("good"));
    assertThat(set.skipped()).containsEntry("no ground truth", 1).containsEntry("incomplete snippets", 2);
    assertThat(TopicSnapshot.read(bootstrap, TopicCatalog.DLQ.name()).stream()
        .filter(r -> id("corrupt").equals(key(r.key())))
        .map(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)))
        .containsExactly("BAD_MAGIC");
  }

  @Test
  void withoutRequiringGroundTruthVideosWithoutItAreEntriesToo() {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      publish(producer, id("annotated"), "validation", "run1", SNIPPETS, true);
      publish(producer, id("bare"), "validation", "run1", SNIPPETS, false);
    }

    TrainingSet set = TrainingSet.load(bootstrap, fidelity, "validation", false);

    assertThat(ids(set.entries())).containsExactly(id("annotated"), id("bare"));
    assertThat(set.entries().get(1).truth()).isNull();
    assertThat(set.entries().get(1).video().durationSeconds()).isEqualTo(8.0);
    assertThat(set.skipped()).isEmpty();
  }

  @Test
  void onlyTheClipsOfAVideosLatestIngestRunAreUsed() {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      publish(producer, id("v"), "training", "old-run", SNIPPETS, true);
      publish(producer, id("v"), "training", "new-run", SNIPPETS, true);
    }

    TrainingSet set = TrainingSet.load(bootstrap, fidelity, "training");
    VideoLocation location = set.entries().get(0).location();
    try (ClipFetcher fetcher = new ClipFetcher(bootstrap)) {
      List<ClipSnippet> snippets = fetcher.fetch(location).orElseThrow();
      assertThat(snippets).extracting(ClipSnippet::snippetIndex).containsExactly(0, 1, 2, 3);
      // The new run's pixels are 2; the old run's are 1.
      assertThat(snippets).allMatch(s -> s.payload()[0] == 2);
    }
  }

  @Test
  void groundTruthCorrectedAfterItsVideoIsTheOneTrainedOn() {
    List<GroundTruthSegment> corrected =
        List.of(new GroundTruthSegment("wave", 1, 3), new GroundTruthSegment("jump", 4, 6));
    try (KafkaProducer<String, byte[]> producer = producer()) {
      publish(producer, id("v"), "training", "run1", SNIPPETS, true);
      // What ingest sends for a corrected annotation file: one record, no snippet again.
      producer.send(new ProducerRecord<>(TopicCatalog.ANNOTATIONS.name(), id("v"), RecordSerdes.videoAnnotations()
          .encode(new VideoAnnotations(id("v"), "training", 8.0, corrected))));
    }

    TrainingSet set = TrainingSet.load(bootstrap, fidelity, "training");

    assertThat(set.entries()).singleElement()
        .satisfies(entry -> assertThat(entry.truth().annotations()).isEqualTo(corrected));
  }

  @Test
  void eachEpochHasItsOwnOrderAndTheSameSeedGivesTheSameOrders() {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (int i = 0; i < 8; i++) {
        publish(producer, id("e" + i), "training", "run1", SNIPPETS, true);
      }
    }
    TrainingSet set = TrainingSet.load(bootstrap, fidelity, "training");
    assertThat(set.entries()).hasSize(8);

    List<String> first = ids(set.epochOrder(7, 0));
    assertThat(first).containsExactlyInAnyOrderElementsOf(ids(set.entries()));
    assertThat(ids(set.epochOrder(7, 1))).isNotEqualTo(first);
    assertThat(ids(set.epochOrder(7, 0))).isEqualTo(first);
  }

  @Test
  void fetchingAVideoSkipsTheRecordsOfOthersBetweenItsSnippets() {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      // Interleaved: the two videos' snippets alternate within one partition.
      for (int i = 0; i < SNIPPETS; i++) {
        for (String name : List.of("left", "right")) {
          producer.send(new ProducerRecord<>(TopicCatalog.clips(fidelity).name(), 0, id(name),
              RecordSerdes.clipSnippet().encode(clip(id(name), i, SNIPPETS, (byte) i)), headers("run1")));
        }
      }
      for (String name : List.of("left", "right")) {
        publishTables(producer, id(name), "training", "run1", true);
      }
    }
    TrainingSet set = TrainingSet.load(bootstrap, fidelity, "training");
    try (ClipFetcher fetcher = new ClipFetcher(bootstrap)) {
      for (TrainingSet.Entry entry : set.entries()) {
        List<ClipSnippet> snippets = fetcher.fetch(entry.location()).orElseThrow();
        assertThat(snippets).allMatch(s -> s.videoId().equals(entry.location().videoId()));
        assertThat(snippets).extracting(s -> (int) s.payload()[0]).containsExactly(0, 1, 2, 3);
      }
    }
  }

  private String id(String name) {
    return fidelity + "-" + name;
  }

  private void publish(KafkaProducer<String, byte[]> producer, String videoId, String subset, String run,
      int snippets, boolean annotated) {
    byte pixel = (byte) (run.startsWith("new") ? 2 : 1);
    for (int i = 0; i < snippets; i++) {
      producer.send(new ProducerRecord<>(TopicCatalog.clips(fidelity).name(), null, videoId,
          RecordSerdes.clipSnippet().encode(clip(videoId, i, SNIPPETS, pixel)), headers(run)));
    }
    publishTables(producer, videoId, subset, run, annotated);
  }

  private void publishTables(KafkaProducer<String, byte[]> producer, String videoId, String subset, String run,
      boolean annotated) {
    IngestProvenance ingest = new IngestProvenance(run, "0".repeat(64), "cpu", Map.of(fidelity, SNIPPETS), Instant.now());
    producer.send(new ProducerRecord<>(TopicCatalog.VIDEOS.name(), videoId, RecordSerdes.videoMetadata().encode(
        new VideoMetadata(videoId, "test", 8.0, 15, 64, 48, 120, subset, ingest))));
    if (annotated) {
      producer.send(new ProducerRecord<>(TopicCatalog.ANNOTATIONS.name(), videoId, RecordSerdes.videoAnnotations()
          .encode(new VideoAnnotations(videoId, subset, 8.0, List.of(new GroundTruthSegment("wave", 1, 3))))));
    }
  }

  private ClipSnippet clip(String videoId, int index, int count, byte pixel) {
    byte[] payload = new byte[2 * 8 * 8 * 3];
    java.util.Arrays.fill(payload, pixel);
    return new ClipSnippet(videoId, fidelity, index, count, index * 2.0, index * 2.0 + 2, ClipSnippet.NOT_LIVE,
        false, false, 2, 8, 8, 3, DType.UINT8, payload);
  }

  private static RecordHeaders headers(String run) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(IngestProvenance.HEADER, run.getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  private KafkaProducer<String, byte[]> producer() {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.clips(fidelity)));
    }
    return new KafkaProducer<>(ClientProperties.producer(bootstrap), new StringSerializer(), new ByteArraySerializer());
  }

  private static List<String> ids(List<TrainingSet.Entry> entries) {
    return entries.stream().map(e -> e.location().videoId()).toList();
  }

  private static String key(byte[] key) {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }
}
