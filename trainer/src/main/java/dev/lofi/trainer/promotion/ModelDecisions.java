package dev.lofi.trainer.promotion;

import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of {@code lofi.model.decisions}: each is written before the call that took it
 * returns, so what serves is never changed without a record saying why.
 */
public final class ModelDecisions {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDecisions.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

  private final String bootstrap;

  public ModelDecisions(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Writes {@code decision}, keyed by its model, and waits until the cluster has it. */
  public void publish(ModelDecision decision) {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.MODEL_DECISIONS));
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientProperties.producer(bootstrap),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(TopicCatalog.MODEL_DECISIONS.name(), decision.model(),
          RecordSerdes.modelDecision().encode(decision))).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not record the decision on " + TopicCatalog.MODEL_DECISIONS.name()
          + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording the decision", e);
    }
    LOG.info("{} {}: {} (candidate {}, serving {})", decision.model(), decision.decision(), decision.reason(),
        decision.candidate(), decision.serving());
  }

  /** The decisions about {@code model}, oldest first; an unreadable record goes to the dead letters once. */
  public List<ModelDecision> history(String model) {
    List<ModelDecision> decisions = new ArrayList<>();
    try (DeadLetterPublisher deadLetters = DeadLetterPublisher.open(bootstrap, "model-decisions")) {
      RecordDecoder<ModelDecision> decoder = new RecordDecoder<>(RecordSerdes.modelDecision().deserializer(),
          deadLetters);
      TopicScan.scan(bootstrap, TopicCatalog.MODEL_DECISIONS.name(), record -> {
        if (record.key() != null && model.equals(new String(record.key(), StandardCharsets.UTF_8))) {
          decoder.decode(List.of(record)).forEach(decoded -> decisions.add(decoded.value()));
        }
      });
    }
    return decisions;
  }
}
