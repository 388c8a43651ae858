package dev.lofi.topics.checkpoint;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.DecodedRecord;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.CheckpointAssembler;
import dev.lofi.topics.record.CheckpointChunk;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointKeys;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.CheckpointRecord;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints on {@code lofi.checkpoints}, so that a machine with nothing but the bootstrap
 * address can load them. A checkpoint is its parameter chunks and then its manifest, written in
 * one transaction: a reader never meets half of one. The topic keeps the newest {@link #KEEP}
 * checkpoints of each model: the chunks and manifest of the one that falls out are tombstoned in
 * the same transaction, so compaction keeps the topic small while a reader whose newest checkpoint
 * is broken or untrusted can fall back to an older good one.
 *
 * <p>Manifests are signed and checked as this process's {@link CheckpointSigning} says.
 */
public final class CheckpointStore {

  /** Checkpoints kept per model: the newest and two to fall back or roll back to. */
  public static final int KEEP = 3;

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
   * count the checkpoints it keeps.
   */
  public void publish(CheckpointManifest manifest, byte[] parameters) {
    if (!manifest.sha256().equals(CheckpointChunker.sha256Hex(parameters))) {
      throw new IllegalArgumentException("manifest of " + manifest.model() + "@" + manifest.version()
          + " does not describe these parameters");
    }
    List<StoredManifest> older = scan(manifest.model(), false).history(manifest.model()).stream()
        .filter(stored -> !stored.manifest().version().equals(manifest.version())).toList();
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
      byte[] value = RecordSerdes.checkpoint().encode(manifest);
      Headers headers = new RecordHeaders();
      CheckpointSigning.current().sign(value, headers);
      producer.send(new ProducerRecord<>(topic, null, CheckpointKeys.of(manifest), value, headers));
      for (StoredManifest old : older.subList(0, Math.max(0, older.size() - (KEEP - 1)))) {
        for (int i = 0; i < old.manifest().chunkCount(); i++) {
          producer.send(new ProducerRecord<>(topic, CheckpointKeys.chunk(old.manifest().model(),
              old.manifest().version(), i), null));
        }
        producer.send(new ProducerRecord<>(topic, old.key(), null));
      }
      producer.commitTransaction();
      producer.close(Duration.ofSeconds(30));
    }
    awaitVisible(manifest);
    LOG.info("checkpoint {}@{} published ({} bytes{})", manifest.model(), manifest.version(), parameters.length,
        CheckpointSigning.current().signs() ? ", signed" : "");
  }

  /**
   * Publishes {@code checkpoint} again as the newest of {@code model}: its own model's (a rollback)
   * or another's (a candidate promoted into the serving model), with its version, stage, config,
   * metrics and parameters, signed by this process and dated now. Readers that load a model's newest
   * checkpoint, running localizers among them, load it.
   */
  public CheckpointManifest republish(Checkpoint checkpoint, String model) {
    CheckpointManifest m = checkpoint.manifest();
    CheckpointManifest copy = CheckpointChunker.manifest(model, m.version(), m.stage(), m.epoch(), m.step(),
        m.config(), m.metrics(), checkpoint.parameters(), CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.now());
    publish(copy, checkpoint.parameters());
    return copy;
  }

  /** The newest manifest of every model on the topic, good or not. */
  public Map<String, CheckpointManifest> latestManifests() {
    Map<String, CheckpointManifest> manifests = new LinkedHashMap<>();
    scan(null, false).manifests().forEach((model, history) ->
        manifests.put(model, history.get(history.size() - 1).manifest()));
    return manifests;
  }

  /**
   * The newest good checkpoint of {@code model}: reassembled, checked against its SHA-256 and, if
   * this process trusts a key, signed by it. A newer one that fails is named in the log and the
   * next older is tried; empty if the model has none.
   *
   * @throws IllegalStateException if the model has checkpoints but none is good, naming why each failed
   */
  public Optional<Checkpoint> latest(String model) {
    Scan scan = scan(model, true);
    List<StoredManifest> history = scan.history(model);
    List<String> refusals = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      Optional<Checkpoint> good = scan.check(history.get(i), refusals);
      if (good.isPresent()) {
        if (!refusals.isEmpty()) {
          LOG.warn("the newest checkpoint of {} is not usable ({}); falling back to {}@{}", model,
              String.join("; ", refusals), model, good.get().manifest().version());
        }
        return good;
      }
    }
    if (history.isEmpty()) {
      return Optional.empty();
    }
    throw new IllegalStateException("no usable checkpoint of " + model + " on " + TopicCatalog.CHECKPOINTS.name()
        + ": " + String.join("; ", refusals));
  }

  /**
   * Checkpoint {@code version} of {@code model}, if the topic still keeps it and it is good.
   *
   * @throws IllegalStateException if it is kept but is not good, saying why
   */
  public Optional<Checkpoint> version(String model, String version) {
    Scan scan = scan(model, true);
    Optional<StoredManifest> stored = scan.history(model).stream()
        .filter(m -> m.manifest().version().equals(version)).reduce((first, second) -> second);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    List<String> refusals = new ArrayList<>();
    return Optional.of(scan.check(stored.get(), refusals).orElseThrow(() ->
        new IllegalStateException("checkpoint " + model + "@" + version + " is not usable: " + refusals.get(0))));
  }

  /** The versions of {@code model} the topic keeps, oldest first. */
  public List<String> versions(String model) {
    return scan(model, false).history(model).stream().map(m -> m.manifest().version()).toList();
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

  /**
   * Reads the topic: every model's manifests (or one model's), and that model's chunks if asked.
   * A manifest superseded under its own key (a version published again) counts once, at its
   * latest place.
   */
  private Scan scan(String model, boolean withChunks) {
    Map<String, List<StoredManifest>> manifests = new LinkedHashMap<>();
    CheckpointAssembler chunks = new CheckpointAssembler();
    try (DeadLetterPublisher deadLetters = DeadLetterPublisher.open(bootstrap, "checkpoints")) {
      RecordDecoder<CheckpointRecord> decoder = new RecordDecoder<>(RecordSerdes.checkpoint().deserializer(),
          deadLetters);
      TopicScan.scan(bootstrap, TopicCatalog.CHECKPOINTS.name(), record -> {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
          manifests.values().forEach(history -> history.removeIf(stored -> stored.key().equals(key)));
          return;
        }
        if (!wanted(key, model, withChunks)) {
          return;
        }
        for (DecodedRecord<CheckpointRecord> decoded : decoder.decode(List.of(record))) {
          if (model != null && !decoded.value().model().equals(model)) {
            continue;
          }
          if (decoded.value() instanceof CheckpointManifest manifest) {
            List<StoredManifest> history = manifests.computeIfAbsent(manifest.model(), m -> new ArrayList<>());
            history.removeIf(stored -> stored.key().equals(key));
            history.add(new StoredManifest(key, manifest, record.value(), record.headers()));
          } else if (withChunks && decoded.value() instanceof CheckpointChunk chunk) {
            chunks.accept(chunk);
          }
        }
      });
    }
    return new Scan(manifests, chunks);
  }

  /**
   * Whether a record keyed {@code key} can matter to this read: its keys name the model and tell a
   * chunk from a manifest, so the other models' records and unwanted chunks (nearly all the
   * topic's bytes) are never decoded. A record without a readable key is decoded, to be refused.
   */
  private static boolean wanted(String key, String model, boolean withChunks) {
    if (key == null) {
      return true;
    }
    boolean chunk = key.indexOf('/') != key.lastIndexOf('/');
    if (chunk && !withChunks) {
      return false;
    }
    // Manifests written before lofi kept several checkpoints are keyed by the model name alone.
    return model == null || key.startsWith(model + "/") || key.equals(model);
  }

  /** A manifest as it lies on the topic: its key (to tombstone it), its bytes and headers (to check its signature). */
  private record StoredManifest(String key, CheckpointManifest manifest, byte[] value, Headers headers) {}

  /** What one read of the topic found. */
  private record Scan(Map<String, List<StoredManifest>> manifests, CheckpointAssembler chunks) {

    List<StoredManifest> history(String model) {
      return manifests.getOrDefault(model, List.of());
    }

    /** The checkpoint of {@code stored} if it is whole and trusted; otherwise why not, added to {@code refusals}. */
    Optional<Checkpoint> check(StoredManifest stored, List<String> refusals) {
      CheckpointManifest manifest = stored.manifest();
      String name = manifest.model() + "@" + manifest.version();
      Optional<String> distrust = CheckpointSigning.current().distrust(stored.value(), stored.headers());
      if (distrust.isPresent()) {
        refusals.add(name + " refused: " + distrust.get());
        return Optional.empty();
      }
      try {
        return Optional.of(new Checkpoint(manifest, chunks.assemble(manifest)));
      } catch (RecordFormatException e) {
        refusals.add(name + " unreadable: " + e.getMessage());
        return Optional.empty();
      }
    }
  }
}
