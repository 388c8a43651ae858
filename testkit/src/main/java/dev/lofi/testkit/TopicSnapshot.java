package dev.lofi.testkit;

import dev.lofi.topics.client.ClientProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything a topic holds for committed readers, from its start to its end at the moment of the
 * call: what a test asserts on after the code under test has published.
 */
public final class TopicSnapshot {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private TopicSnapshot() {}

  /** Every committed record of every partition of {@code topic}, partition by partition. */
  public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return readUpToEnd(consumer, partitions);
    }
  }

  /** Every committed record of one partition. */
  public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int partition) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      return readUpToEnd(consumer, List.of(new TopicPartition(topic, partition)));
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(ClientProperties.consumer(bootstrap, "test-" + UUID.randomUUID()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<ConsumerRecord<byte[], byte[]>> readUpToEnd(KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions) {
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("could not read " + partitions + " up to " + ends + " within " + TIMEOUT);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }
}
