package dev.lofi.ingest.live;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads back what live ingests wrote to {@code lofi.live.clips}, for tests. */
public final class LiveClipsOnTopic {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private LiveClipsOnTopic() {}

  /** Every record of {@code streamId} on the topic now, in order. */
  public static List<ClipSnippet> read(String bootstrap, String streamId) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        ClientProperties.consumer(bootstrap, "test-" + UUID.randomUUID()), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(TopicCatalog.LIVE_CLIPS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ClipSnippet> snippets = new ArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + TopicCatalog.LIVE_CLIPS.name() + " to its end");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (streamId.equals(record.key())) {
            snippets.add(RecordSerdes.clipSnippet().decode(record.value()));
          }
        }
      }
      return snippets;
    }
  }
}
