package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.broker.BrokerSettings;
import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.CatalogAdmin.TopicState;
import dev.lofi.topics.catalog.Topic;
import dev.lofi.topics.catalog.TopicCatalog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker is a real broker: its data survives a clean stop and a restart. */
class EmbeddedBrokerTest {

  @TempDir
  Path dataDir;

  @Test
  void restartedBrokerOnTheSameDataDirKeepsItsTopicsAndRecords() throws Exception {
    RecordMetadata written;
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerSettings.loopback(dataDir, 0))) {
      TopicsFixture.create(broker.bootstrapServers(), TopicCatalog.all());
      try (KafkaProducer<byte[], byte[]> producer = TopicsFixture.rawProducer(broker.bootstrapServers())) {
        written = producer.send(new ProducerRecord<>(TopicCatalog.VIDEOS.name(), bytes("video-1"),
            bytes("{\"kept\":true}"))).get();
      }
    }

    try (EmbeddedBroker restarted = EmbeddedBroker.start(BrokerSettings.loopback(dataDir, 0));
         CatalogAdmin admin = CatalogAdmin.connect(restarted.bootstrapServers())) {
      List<String> topics = admin.list().stream().map(TopicState::name).toList();
      assertThat(topics).containsAll(TopicCatalog.all().stream().map(Topic::name).toList());

      List<ConsumerRecord<byte[], byte[]>> records = TopicSnapshot.read(restarted.bootstrapServers(),
          TopicCatalog.VIDEOS.name(), written.partition());
      assertThat(records).hasSize(1);
      assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("video-1");
      assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"kept\":true}");
    }
  }

  @Test
  void aPortAlreadyInUseIsRefusedWithAMessageThatSaysSo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      BrokerSettings settings = BrokerSettings.loopback(dataDir, taken.getLocalPort());
      assertThatThrownBy(() -> EmbeddedBroker.start(settings))
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("--port");
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
