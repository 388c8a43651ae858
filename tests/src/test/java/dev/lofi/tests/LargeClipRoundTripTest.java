package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Snippets are megabytes: the catalog's size limits and the clients' settings must let them through. */
class LargeClipRoundTripTest {

  @Test
  void aClipRecordOverFourMebibytesRoundTripsThroughTheBroker() throws Exception {
    String bootstrap = KafkaTestCluster.shared().bootstrapServers();
    TopicsFixture.create(bootstrap, TopicCatalog.all());
    // 8 frames of 512 x 342 RGB: 4,202,496 bytes of payload, just over 4 MiB.
    ClipSnippet clip = TopicsFixture.clip("long-video", 3, 10, 8, 512, 342, 42);
    assertThat(clip.payload().length).isGreaterThan(4 * 1024 * 1024);

    RecordMetadata written;
    try (KafkaProducer<String, ClipSnippet> producer = new KafkaProducer<>(ClientProperties.producer(bootstrap),
        new StringSerializer(), RecordSerdes.clipSnippet().serializer())) {
      written = producer.send(new ProducerRecord<>(TopicCatalog.clips("full").name(), clip.videoId(), clip)).get();
    }

    List<ConsumerRecord<byte[], byte[]>> read = TopicSnapshot.read(bootstrap, written.topic(), written.partition());
    ConsumerRecord<byte[], byte[]> record = read.stream().filter(r -> r.offset() == written.offset())
        .findFirst().orElseThrow();
    assertThat(RecordSerdes.clipSnippet().decode(record.value())).isEqualTo(clip);
  }
}
