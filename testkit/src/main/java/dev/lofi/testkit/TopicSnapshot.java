package dev.lofi.testkit;

import dev.lofi.topics.scan.TopicScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Everything a topic holds for committed readers, from its start to its end at the moment of the
 * call: what a test asserts on after the code under test has published.
 */
public final class TopicSnapshot {

  private TopicSnapshot() {}

  /** Every committed record of every partition of {@code topic}, partition by partition. */
  public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    TopicScan.scan(bootstrap, topic, records::add);
    return records;
  }

  /** Every committed record of one partition. */
  public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int partition) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    TopicScan.scan(bootstrap, topic, partition, records::add);
    return records;
  }
}
