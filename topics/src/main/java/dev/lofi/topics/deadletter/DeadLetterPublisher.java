package dev.lofi.topics.deadletter;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.scan.TopicScan;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that could not be decoded to {@code lofi.dlq}, unchanged, with the reason and their
 * origin in headers, so that nothing is lost and the consumer can go on. A record is sent aside
 * once: lofi re-reads its topics on every scan and restart, and a record already on the
 * dead-letter topic (by origin topic, partition and offset) is refused again without a second
 * letter. The dead-letter topic is read for that only when a first bad record turns up, so a clean
 * scan costs nothing; two consumers refusing the same record at the same moment may both send it.
 */
public final class DeadLetterPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final String bootstrap;
  private final Producer<byte[], byte[]> producer;
  private final String consumerName;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  /** Origins of the letters on the topic, read at the first refusal; null before. */
  private Set<String> onTopic;

  private DeadLetterPublisher(String bootstrap, Producer<byte[], byte[]> producer, String consumerName) {
    this.bootstrap = bootstrap;
    this.producer = producer;
    this.consumerName = consumerName;
  }

  /**
   * A publisher with a producer of its own, which {@link #close()} closes.
   *
   * @param consumerName who refuses the records, written to {@link DeadLetterHeaders#CONSUMER}
   */
  public static DeadLetterPublisher open(String bootstrap, String consumerName) {
    return new DeadLetterPublisher(bootstrap, new KafkaProducer<>(ClientProperties.producer(bootstrap),
        new ByteArraySerializer(), new ByteArraySerializer()), consumerName);
  }

  /** Logs the bad record with its coordinates and sends it to the dead-letter topic, unless it is there already. */
  public synchronized void publish(ConsumerRecord<byte[], byte[]> record, RecordFormatException error) {
    refused.incrementAndGet();
    String origin = origin(record.topic(), Integer.toString(record.partition()), Long.toString(record.offset()));
    if (!lettersOnTopic().add(origin)) {
      LOG.info("{}-{}@{}: record refused, already on {}: {}",
          record.topic(), record.partition(), record.offset(), TopicCatalog.DLQ.name(), error.getMessage());
      return;
    }
    LOG.warn("{}-{}@{}: record refused, sent to {}: {}",
        record.topic(), record.partition(), record.offset(), TopicCatalog.DLQ.name(), error.getMessage());
    Headers headers = new RecordHeaders(record.headers().toArray());
    DeadLetterHeaders.add(headers, error, record.topic(), record.partition(), record.offset(), consumerName);
    producer.send(new ProducerRecord<>(TopicCatalog.DLQ.name(), null, record.key(), record.value(), headers),
        (metadata, sendError) -> {
          if (sendError != null) {
            LOG.error("could not dead-letter {}-{}@{}", record.topic(), record.partition(), record.offset(), sendError);
          }
        });
    published.incrementAndGet();
  }

  /** How many records this publisher was handed as refused, sent aside now or before. */
  public long refused() {
    return refused.get();
  }

  /** How many of them this publisher sent aside: those not on the dead-letter topic already. */
  public long published() {
    return published.get();
  }

  /** Waits until every dead letter handed over so far has been written. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }

  private Set<String> lettersOnTopic() {
    if (onTopic == null) {
      Set<String> origins = new HashSet<>();
      TopicScan.scan(bootstrap, TopicCatalog.DLQ.name(), letter -> {
        String topic = DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.TOPIC);
        String partition = DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.PARTITION);
        String offset = DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.OFFSET);
        if (topic != null && partition != null && offset != null) {
          origins.add(origin(topic, partition, offset));
        }
      });
      onTopic = origins;
    }
    return onTopic;
  }

  private static String origin(String topic, String partition, String offset) {
    return topic + "-" + partition + "@" + offset;
  }
}
