package dev.lofi.tests;

import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.Topic;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the end-to-end tests share: topic creation, raw clients, and clips with random pixels. */
final class TopicsFixture {

  private TopicsFixture() {}

  static void create(String bootstrap, Collection<Topic> topics) {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.create(topics);
    }
  }

  static KafkaProducer<byte[], byte[]> rawProducer(String bootstrap) {
    return new KafkaProducer<>(ClientProperties.producer(bootstrap), new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  static KafkaConsumer<byte[], byte[]> rawConsumer(String bootstrap) {
    return new KafkaConsumer<>(ClientProperties.consumer(bootstrap, "test-" + UUID.randomUUID()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Every record of one topic partition, from the beginning up to its end when called. */
  static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, int partition) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(bootstrap)) {
      TopicPartition tp = new TopicPartition(topic, partition);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (consumer.position(tp) < end) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + "-" + partition + " up to offset " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** Snippet {@code index} of a video, two seconds long, with random RGB pixels. */
  static ClipSnippet clip(String videoId, int index, int count, int frames, int height, int width, long seed) {
    byte[] payload = new byte[frames * height * width * 3];
    new Random(seed).nextBytes(payload);
    return new ClipSnippet(videoId, "full", index, count, index * 2.0, index * 2.0 + 2.0,
        ClipSnippet.NOT_LIVE, false, false, frames, height, width, 3, DType.UINT8, payload);
  }
}
