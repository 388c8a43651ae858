package dev.lofi.tests;

import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.Topic;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import java.util.Collection;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
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

  /** Snippet {@code index} of a video, two seconds long, with random RGB pixels. */
  static ClipSnippet clip(String videoId, int index, int count, int frames, int height, int width, long seed) {
    byte[] payload = new byte[frames * height * width * 3];
    new Random(seed).nextBytes(payload);
    return new ClipSnippet(videoId, "full", index, count, index * 2.0, index * 2.0 + 2.0,
        ClipSnippet.NOT_LIVE, false, false, frames, height, width, 3, DType.UINT8, payload);
  }
}
