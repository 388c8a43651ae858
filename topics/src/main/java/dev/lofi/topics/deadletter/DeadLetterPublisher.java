package dev.lofi.topics.deadletter;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.codec.RecordFormatException;
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
 * origin in headers, so that nothing is lost and the consumer can go on.
 */
public final class DeadLetterPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final Producer<byte[], byte[]> producer;
  private final String consumerName;
  private final boolean ownsProducer;
  private final AtomicLong published = new AtomicLong();

  /**
   * @param producer a byte-array producer the caller owns and closes
   * @param consumerName who refused the records, written to {@link DeadLetterHeaders#CONSUMER}
   */
  public DeadLetterPublisher(Producer<byte[], byte[]> producer, String consumerName) {
    this(producer, consumerName, false);
  }

  private DeadLetterPublisher(Producer<byte[], byte[]> producer, String consumerName, boolean ownsProducer) {
    this.producer = producer;
    this.consumerName = consumerName;
    this.ownsProducer = ownsProducer;
  }

  /** A publisher with a producer of its own, which {@link #close()} closes. */
  public static DeadLetterPublisher open(String bootstrap, String consumerName) {
    return new DeadLetterPublisher(new KafkaProducer<>(ClientProperties.producer(bootstrap), new ByteArraySerializer(),
        new ByteArraySerializer()), consumerName, true);
  }

  /** Logs the bad record with its coordinates and sends it to the dead-letter topic. */
  public void publish(ConsumerRecord<byte[], byte[]> record, RecordFormatException error) {
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

  /** How many records this publisher has sent aside. */
  public long published() {
    return published.get();
  }

  /** Waits until every dead letter handed over so far has been written. */
  public void flush() {
    producer.flush();
  }

  /** Closes the producer if this publisher opened it; a caller's producer stays open. */
  @Override
  public void close() {
    if (ownsProducer) {
      producer.close();
    }
  }
}
