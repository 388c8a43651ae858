package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointSigning;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointKeys;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.RecordSerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints through a real broker: chunked, reassembled, checked, signed, kept three deep and fallen back on. */
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
  void theNewestThreeVersionsAreKeptAndAnOlderOneIsTombstonedWithItsChunks() {
    CheckpointStore store = new CheckpointStore(bootstrap);
    byte[] first = random(1_500_000, 2);
    store.publish(manifest("v1", first), first);
    for (int v = 2; v <= 4; v++) {
      byte[] parameters = random(1000, v);
      store.publish(manifest("v" + v, parameters), parameters);
    }

    assertThat(store.latest(model).orElseThrow().parameters()).isEqualTo(random(1000, 4));
    assertThat(store.latestManifests().get(model).version()).isEqualTo("v4");
    assertThat(store.versions(model)).containsExactly("v2", "v3", "v4");
    assertThat(store.version(model, "v2").orElseThrow().parameters()).isEqualTo(random(1000, 2));
    assertThat(store.version(model, "v1")).isEmpty();
    List<String> tombstoned = TopicSnapshot.read(bootstrap, TopicCatalog.CHECKPOINTS.name()).stream()
        .filter(r -> r.value() == null)
        .map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    assertThat(tombstoned).contains(CheckpointKeys.chunk(model, "v1", 0), CheckpointKeys.chunk(model, "v1", 1),
        CheckpointKeys.manifest(model, "v1"));
  }

  @Test
  void aNewestCheckpointWhoseChunksAreMissingFallsBackToTheNewestGoodOne() throws Exception {
    byte[] good = random(1000, 5);
    CheckpointStore store = new CheckpointStore(bootstrap);
    store.publish(manifest("good", good), good);
    publishManifestAlone(manifest("lost", random(1000, 4)));

    Checkpoint loaded = store.latest(model).orElseThrow();

    assertThat(loaded.manifest().version()).isEqualTo("good");
    assertThat(loaded.parameters()).isEqualTo(good);
    assertThat(store.latestManifests().get(model).version()).isEqualTo("lost");
  }

  @Test
  void aModelWhoseEveryCheckpointIsBrokenSaysWhyEachFailed() throws Exception {
    publishManifestAlone(manifest("lost", random(1000, 4)));

    assertThatThrownBy(() -> new CheckpointStore(bootstrap).latest(model)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no usable checkpoint of " + model).hasMessageContaining(model + "@lost unreadable");
  }

  @Test
  void withATrustedKeyOnlyItsSignaturesLoadAndAForgedOrUnsignedNewerOneFallsBackToTheLastSigned(
      @TempDir Path keys) {
    CheckpointSigning.generate(keys.resolve("ours.pem"), keys.resolve("ours.pub.pem"));
    CheckpointSigning.generate(keys.resolve("theirs.pem"), keys.resolve("theirs.pub.pem"));
    CheckpointStore store = new CheckpointStore(bootstrap);
    byte[] signed = random(1000, 6);
    try {
      CheckpointSigning.use(CheckpointSigning.of(Optional.of(keys.resolve("ours.pem")), Optional.empty()));
      store.publish(manifest("signed", signed), signed);
      CheckpointSigning.use(CheckpointSigning.of(Optional.of(keys.resolve("theirs.pem")), Optional.empty()));
      byte[] forged = random(1000, 7);
      store.publish(manifest("forged", forged), forged);
      CheckpointSigning.useNone();
      byte[] unsigned = random(1000, 8);
      store.publish(manifest("unsigned", unsigned), unsigned);
      assertThat(store.latest(model).orElseThrow().manifest().version()).as("nothing trusted: the newest")
          .isEqualTo("unsigned");

      CheckpointSigning.use(CheckpointSigning.of(Optional.empty(), Optional.of(keys.resolve("ours.pub.pem"))));

      assertThat(store.latest(model).orElseThrow().parameters()).isEqualTo(signed);
      assertThatThrownBy(() -> store.version(model, "forged")).hasMessageContaining("is not by the trusted key");
      assertThatThrownBy(() -> store.version(model, "unsigned")).hasMessageContaining("not signed");
    } finally {
      CheckpointSigning.useNone();
    }
  }

  private void publishManifestAlone(CheckpointManifest manifest) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = TopicsFixture.rawProducer(bootstrap)) {
      producer.send(new ProducerRecord<>(TopicCatalog.CHECKPOINTS.name(),
          CheckpointKeys.of(manifest).getBytes(StandardCharsets.UTF_8), RecordSerdes.checkpoint().encode(manifest)))
          .get();
    }
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
