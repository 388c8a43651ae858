package dev.lofi.topics.scan;

import dev.lofi.topics.client.ClientProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's committed records from its start up to its end at the moment of the call,
 * without a consumer group: the way lofi reads compacted tables (videos, annotations) and indexes
 * clip topics. Records come in offset order within each partition.
 */
public final class TopicScan {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** How long the broker may hold a scan's fetch that finds nothing. */
  private static final int SCAN_FETCH_WAIT_MS = 10;

  private TopicScan() {}

  /** Visits every record of every partition of {@code topic}; returns how many there were. */
  public static long scan(String bootstrap, String topic, Consumer<ConsumerRecord<byte[], byte[]>> visitor) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return scan(consumer, partitions, visitor);
    }
  }

  /** Visits every record of one partition; returns how many there were. */
  public static long scan(String bootstrap, String topic, int partition,
      Consumer<ConsumerRecord<byte[], byte[]>> visitor) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      return scan(consumer, List.of(new TopicPartition(topic, partition)), visitor);
    }
  }

  /**
   * A consumer for reads up to an end known in advance, outside any group: assign and seek it
   * yourself. The broker holds its fetches for at most {@link #SCAN_FETCH_WAIT_MS} ms: a
   * read-committed consumer's position passes a transaction's commit marker only with the next
   * fetch, which finds nothing more and would otherwise be held for half a second, on every read of
   * a topic written in transactions (checkpoints, clips).
   */
  public static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties properties = ClientProperties.consumer(bootstrap, "lofi-scan-" + UUID.randomUUID());
    properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, SCAN_FETCH_WAIT_MS);
    return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * A consumer outside any group for a reader that follows a topic and waits for what comes next:
   * the broker holds its fetches as long as the client's default, rather than answering a hundred
   * times a second that nothing is new.
   */
  public static KafkaConsumer<byte[], byte[]> follower(String bootstrap) {
    return new KafkaConsumer<>(ClientProperties.consumer(bootstrap, "lofi-follow-" + UUID.randomUUID()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static long scan(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      Consumer<ConsumerRecord<byte[], byte[]>> visitor) {
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    // Committed readers stop at the last stable offset: records of open transactions come later.
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
    long[] count = {0};
    readToEnds(consumer, ends, record -> {
      // Records past the end seen at the start belong to the next read.
      if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
        visitor.accept(record);
        count[0]++;
      }
    });
    return count[0];
  }

  /**
   * Polls {@code consumer}, assigned to the partitions of {@code ends}, from where it stands until
   * each is at its end offset, and visits every record polled: a reader that goes on reading (one
   * that follows a table as it grows) must see those few past the ends too.
   *
   * @throws IllegalStateException if the ends are not reached within a minute
   */
  public static void readToEnds(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends,
      Consumer<ConsumerRecord<byte[], byte[]>> visitor) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + ends.keySet() + " up to " + ends + " within " + TIMEOUT);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(visitor);
    }
  }
}
