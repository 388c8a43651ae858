package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointKeys;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.RecordSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checkpoints through a real broker: chunked, reassembled, checked, and replaced. */
class CheckpointStoreTest {

  private static String bootstrap;
  private final String model = "m-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void createTopics() {
    bootstrap = KafkaTestCluster.shared().bootstrapServers();
    TopicsFixture.create(bootstrap, List.of(TopicCatalog.CHECKPOINTS, TopicCatalog.DLQ));
  }

  @Test
  void aCheckpointLargerThanTheTopicLimitComesBackByteForByte() {
    byte[] parameters = random(2_600_000, 1);
    CheckpointStore store = new CheckpointStore(bootstrap);

    store.publish(manifest("v1", parameters), parameters);

    Checkpoint loaded = store.latest(model).orElseThrow();
    assertThat(loaded.parameters()).isEqualTo(parameters);
    assertThat(loaded.manifest().chunkCount()).isEqualTo(3);
    assertThat(loaded.manifest().config()).containsEntry("depth", 18);
  }

  @Test
  void aNewVersionReplacesTheOldAndTombstonesItsChunks() {
    CheckpointStore store = new CheckpointStore(bootstrap);
    byte[] first = random(1_500_000, 2);
    byte[] second = random(900_000, 3);

    store.publish(manifest("v1", first), first);
    store.publish(manifest("v2", second), second);

    assertThat(store.latest(model).orElseThrow().parameters()).isEqualTo(second);
    assertThat(store.latestManifests().get(model).version()).isEqualTo("v2");
    List<String> tombstoned = TopicSnapshot.read(bootstrap, TopicCatalog.CHECKPOINTS.name()).stream()
        .filter(r -> r.value() == null)
        .map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    assertThat(tombstoned).contains(CheckpointKeys.chunk(model, "v1", 0), CheckpointKeys.chunk(model, "v1", 1));
  }

  @Test
  void aManifestWhoseChunksAreMissingIsRefusedRatherThanLoaded() throws Exception {
    byte[] parameters = random(1000, 4);
    try (KafkaProducer<byte[], byte[]> producer = TopicsFixture.rawProducer(bootstrap)) {
      producer.send(new ProducerRecord<>(TopicCatalog.CHECKPOINTS.name(), model.getBytes(StandardCharsets.UTF_8),
          RecordSerdes.checkpoint().encode(manifest("lost", parameters)))).get();
    }

    assertThatThrownBy(() -> new CheckpointStore(bootstrap).latest(model))
        .isInstanceOf(RecordFormatException.class);
  }

  @Test
  void aModelWithoutCheckpointsHasNone() {
    assertThat(new CheckpointStore(bootstrap).latest("never-trained-" + model)).isEmpty();
  }

  private CheckpointManifest manifest(String version, byte[] parameters) {
    return CheckpointChunker.manifest(model, version, "lofi", 1, 10, Map.of("depth", 18), Map.of("loss", 0.5),
        parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.now());
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
