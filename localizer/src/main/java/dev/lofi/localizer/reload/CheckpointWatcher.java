package dev.lofi.localizer.reload;

import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointSigning;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.DecodedRecord;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.CheckpointAssembler;
import dev.lofi.topics.record.CheckpointChunk;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.CheckpointRecord;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code lofi.checkpoints} for one model and swaps each usable checkpoint into a
 * {@link CurrentModel}, on a thread of its own: reassembling, checking the SHA-256 and loading a
 * network take seconds, and the snippets keep flowing through the old model meanwhile.
 *
 * <p>A consumer of its own rather than a Kafka Streams global store: every instance must read every
 * checkpoint whatever partitions it owns, which a consumer outside any group does; a checkpoint is
 * a unit of several records (chunks, then the manifest) that is loaded, not stored, so a store
 * would only keep a second copy of the parameters on each instance's disk; and a global store is
 * restored at start-up without its processor, which would have to rescan it to load anything.
 *
 * <p>At start it reads the whole topic and loads the model's newest checkpoint that loads, falling
 * back through those the topic keeps; after that, each new manifest as it comes. A checkpoint of a
 * stage whose head does not localize ({@code pretrain}), one not signed by the key this process
 * trusts ({@link CheckpointSigning}), one whose parameters are incomplete or fail their SHA-256,
 * or one that does not load is refused with the reason in the log, and the running model stays.
 */
public final class CheckpointWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointWatcher.class);

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  /** The stages it loads, as messages name them: "head or lofi". */
  private static final String LOCALIZING = String.join(" or ", InferenceModel.LOCALIZING_STAGES.stream().sorted().toList());

  private final String bootstrap;
  private final String model;
  private final CurrentModel current;
  private final ReloadListener listener;
  private final CheckpointAssembler assembler = new CheckpointAssembler();
  private final Thread thread;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean stopping;

  /**
   * @param model the model name whose checkpoints are loaded (e.g. {@code lofi-cpu})
   * @param current where loaded models go
   */
  public CheckpointWatcher(String bootstrap, String model, CurrentModel current, ReloadListener listener) {
    this.bootstrap = bootstrap;
    this.model = model;
    this.current = current;
    this.listener = listener;
    this.thread = new Thread(this::watch, "lofi-checkpoint-watcher-" + model);
    this.thread.setDaemon(true);
  }

  /** Starts reading the topic. */
  public void start() {
    thread.start();
  }

  /** Stops reading; a load under way finishes first. */
  @Override
  public void close() {
    stopping = true;
    KafkaConsumer<byte[], byte[]> polling = consumer;
    if (polling != null) {
      polling.wakeup();
    }
    try {
      thread.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void watch() {
    String topic = TopicCatalog.CHECKPOINTS.name();
    try (KafkaConsumer<byte[], byte[]> reader = TopicScan.follower(bootstrap);
         DeadLetterPublisher deadLetters = DeadLetterPublisher.open(bootstrap, "localizer")) {
      consumer = reader;
      if (stopping) {
        return;
      }
      RecordDecoder<CheckpointRecord> decoder = new RecordDecoder<>(RecordSerdes.checkpoint().deserializer(),
          deadLetters);
      List<TopicPartition> partitions = reader.partitionsFor(topic, METADATA_TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = reader.endOffsets(partitions, METADATA_TIMEOUT);
      boolean caughtUp = false;
      // While catching up every kept checkpoint is a candidate: the newest good one is loaded.
      List<Candidate> candidates = new ArrayList<>();
      while (!stopping) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
          String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
          if (record.value() == null) {
            forgetChunks(key);
            candidates.removeIf(candidate -> candidate.key().equals(key));
            continue;
          }
          for (DecodedRecord<CheckpointRecord> decoded : decoder.decode(List.of(record))) {
            if (decoded.value() instanceof CheckpointChunk chunk && chunk.model().equals(model)) {
              assembler.accept(chunk);
            } else if (decoded.value() instanceof CheckpointManifest manifest && manifest.model().equals(model)) {
              Candidate candidate = new Candidate(key, manifest, record.value(), record.headers());
              if (caughtUp) {
                load(candidate);
              } else {
                candidates.removeIf(older -> older.key().equals(key));
                candidates.add(candidate);
              }
            }
          }
        }
        if (!caughtUp && partitions.stream().allMatch(tp -> reader.position(tp) >= ends.get(tp))) {
          caughtUp = true;
          loadNewestGood(candidates);
          candidates.forEach(candidate -> assembler.discard(model, candidate.manifest().version()));
          if (current.version().isEmpty()) {
            waiting(candidates.isEmpty() ? "no checkpoint of " + model + " on " + topic + " yet"
                : "the latest checkpoint of " + model + ", " + versionOf(candidates.get(candidates.size() - 1))
                    + ", was refused" + (candidates.size() > 1 ? ", and so were the " + (candidates.size() - 1)
                    + " older ones kept" : ""));
          }
          candidates.clear();
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("checkpoint watcher for {} stopped: {}; the running model stays", model, e.getMessage(), e);
    }
  }

  /** Loads the newest candidate that loads, saying so when a newer one was refused. */
  private void loadNewestGood(List<Candidate> candidates) {
    for (int i = candidates.size() - 1; i >= 0; i--) {
      if (load(candidates.get(i))) {
        if (i < candidates.size() - 1) {
          LOG.warn("fell back to {}: the {} newer checkpoint(s) of {} were refused", versionOf(candidates.get(i)),
              candidates.size() - 1 - i, model);
        }
        return;
      }
    }
  }

  /** Loads a checkpoint unless it is the running one; false if it was refused. */
  private boolean load(Candidate candidate) {
    CheckpointManifest manifest = candidate.manifest();
    String version = versionOf(candidate);
    if (current.version().filter(version::equals).isPresent()) {
      return true;
    }
    try {
      if (!InferenceModel.LOCALIZING_STAGES.contains(manifest.stage())) {
        refuse(version, "stage '" + manifest.stage() + "' has no trained localization head; waiting for a " + LOCALIZING
            + " checkpoint");
        return false;
      }
      Optional<String> distrust = CheckpointSigning.current().distrust(candidate.value(), candidate.headers());
      if (distrust.isPresent()) {
        refuse(version, distrust.get());
        return false;
      }
      InferenceModel loaded;
      try {
        loaded = InferenceModel.load(new Checkpoint(manifest, assembler.assemble(manifest)));
      } catch (RuntimeException e) {
        refuse(version, e.getMessage());
        return false;
      }
      Optional<String> replaced = current.version();
      current.swap(loaded);
      LOG.info("model {} loaded{}; classes {}", version, replaced.map(old -> ", replacing " + old).orElse(""),
          loaded.labels());
      listener.loaded(version);
      return true;
    } finally {
      assembler.discard(manifest.model(), manifest.version());
    }
  }

  private static String versionOf(Candidate candidate) {
    return CheckpointConfig.versionOf(candidate.manifest());
  }

  private void refuse(String version, String reason) {
    LOG.warn("checkpoint {} refused: {}; {}", version, reason,
        current.version().map(running -> running + " keeps running").orElse("no model is running yet"));
    listener.refused(version, reason);
  }

  private void waiting(String reason) {
    LOG.info("waiting for a checkpoint of {} to localize with: {}; processing starts when a {} checkpoint of it is "
        + "published (lofi train)", model, reason, LOCALIZING);
    listener.waiting(reason);
  }

  /** A tombstone of a chunk ({@code model/version/index}) means its checkpoint is no longer kept. */
  private void forgetChunks(String key) {
    if (key == null) {
      return;
    }
    String[] parts = key.split("/", -1);
    if (parts.length >= 3 && parts[0].equals(model)) {
      String version = String.join("/", List.of(parts).subList(1, parts.length - 1));
      assembler.discard(model, version);
    }
  }

  /** A manifest as it lies on the topic: its key, and its bytes and headers for its signature. */
  private record Candidate(String key, CheckpointManifest manifest, byte[] value, Headers headers) {}
}
