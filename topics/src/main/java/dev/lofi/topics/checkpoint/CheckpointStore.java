package dev.lofi.topics.checkpoint;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.CheckpointAssembler;
import dev.lofi.topics.record.CheckpointChunk;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointKeys;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.CheckpointRecord;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.scan.TopicScan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints on {@code lofi.checkpoints}, so that a machine with nothing but the bootstrap
 * address can load them. A checkpoint is its parameter chunks and then its manifest, written in
 * one transaction: a reader never meets half of one. The chunks of the version a new one
 * replaces are tombstoned in the same transaction, so compaction keeps the topic to about one
 * checkpoint per model.
 */
public final class CheckpointStore {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

  private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrap;

  public CheckpointStore(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Publishes a checkpoint; {@code manifest} must describe {@code parameters} (see {@link
   * CheckpointChunker}). Returns once committed readers see it: a commit's markers reach the
   * partition a moment after the commit returns, and the next publish must find this one to
   * tombstone its chunks.
   */
  public void publish(CheckpointManifest manifest, byte[] parameters) {
    if (!manifest.sha256().equals(CheckpointChunker.sha256Hex(parameters))) {
      throw new IllegalArgumentException("manifest of " + manifest.model() + "@" + manifest.version()
          + " does not describe these parameters");
    }
    Optional<CheckpointManifest> replaced = latestManifests().values().stream()
        .filter(m -> m.model().equals(manifest.model())).findFirst();
    Properties props = ClientProperties.producer(bootstrap);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lofi-checkpoint-" + UUID.randomUUID());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      String topic = TopicCatalog.CHECKPOINTS.name();
      List<CheckpointChunk> chunks = CheckpointChunker.split(manifest.model(), manifest.version(), parameters,
          CheckpointChunker.DEFAULT_CHUNK_BYTES);
      for (CheckpointChunk chunk : chunks) {
        producer.send(new ProducerRecord<>(topic, CheckpointKeys.of(chunk), RecordSerdes.checkpoint().encode(chunk)));
      }
      producer.send(new ProducerRecord<>(topic, CheckpointKeys.manifest(manifest.model()),
          RecordSerdes.checkpoint().encode(manifest)));
      replaced.filter(old -> !old.version().equals(manifest.version())).ifPresent(old -> {
        for (int i = 0; i < old.chunkCount(); i++) {
          producer.send(new ProducerRecord<>(topic, CheckpointKeys.chunk(old.model(), old.version(), i), null));
        }
      });
      producer.commitTransaction();
      producer.close(Duration.ofSeconds(30));
    }
    awaitVisible(manifest);
    LOG.info("checkpoint {}@{} published ({} bytes)", manifest.model(), manifest.version(), parameters.length);
  }

  /** The latest manifest of every model on the topic. */
  public Map<String, CheckpointManifest> latestManifests() {
    Map<String, CheckpointManifest> manifests = new LinkedHashMap<>();
    read(record -> {
      if (record instanceof CheckpointManifest manifest) {
        manifests.put(manifest.model(), manifest);
      }
    });
    return manifests;
  }

  /**
   * The latest checkpoint of {@code model}, reassembled and checked against its SHA-256; empty if
   * the model has none.
   *
   * @throws RecordFormatException if its chunks are missing or do not match the manifest
   */
  public Optional<Checkpoint> latest(String model) {
    CheckpointAssembler assembler = new CheckpointAssembler();
    CheckpointManifest[] latest = new CheckpointManifest[1];
    read(record -> {
      if (record instanceof CheckpointChunk chunk && chunk.model().equals(model)) {
        assembler.accept(chunk);
      } else if (record instanceof CheckpointManifest manifest && manifest.model().equals(model)) {
        latest[0] = manifest;
      }
    });
    return Optional.ofNullable(latest[0]).map(m -> new Checkpoint(m, assembler.assemble(m)));
  }

  private void awaitVisible(CheckpointManifest manifest) {
    long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
    // Compared by version and hash: the config's numbers may come back as other Number types.
    while (!sameCheckpoint(manifest, latestManifests().get(manifest.model()))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("checkpoint " + manifest.model() + "@" + manifest.version()
            + " was committed but is not readable after " + VISIBLE_TIMEOUT.toSeconds() + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the checkpoint to become readable", e);
      }
    }
  }

  private static boolean sameCheckpoint(CheckpointManifest expected, CheckpointManifest found) {
    return found != null && found.version().equals(expected.version()) && found.sha256().equals(expected.sha256());
  }

  private void read(java.util.function.Consumer<CheckpointRecord> visitor) {
    try (DeadLetterPublisher deadLetters = DeadLetterPublisher.open(bootstrap, "checkpoints")) {
      RecordDecoder<CheckpointRecord> decoder = new RecordDecoder<>(RecordSerdes.checkpoint().deserializer(),
          deadLetters);
      TopicScan.scan(bootstrap, TopicCatalog.CHECKPOINTS.name(), record -> {
        if (record.value() != null) {
          decoder.decode(List.of(record)).forEach(decoded -> visitor.accept(decoded.value()));
        }
      });
    }
  }
}
