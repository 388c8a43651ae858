package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.Topic;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.deadletter.DeadLetterHeaders;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.DecodedRecord;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** A consumer that meets unreadable records sends them aside with their reason and goes on. */
class DeadLetterRoutingTest {

  private static final Topic CLIPS = TopicCatalog.clips("dlqtest");

  @Test
  void corruptedRecordsLandOnTheDlqWithTheirReasonWhileGoodOnesAroundThemAreProcessed() throws Exception {
    String bootstrap = KafkaTestCluster.shared().bootstrapServers();
    TopicsFixture.create(bootstrap, List.of(CLIPS, TopicCatalog.DLQ));
    ClipSnippet first = TopicsFixture.clip("v", 0, 3, 2, 16, 16, 1);
    ClipSnippet second = TopicsFixture.clip("v", 1, 3, 2, 16, 16, 2);
    ClipSnippet third = TopicsFixture.clip("v", 2, 3, 2, 16, 16, 3);
    byte[] good = RecordSerdes.clipSnippet().encode(first);

    // Key -> value in the order produced; every bad value is a different kind of damage.
    Map<String, byte[]> sent = new LinkedHashMap<>();
    sent.put("good-0", good);
    sent.put("BAD_MAGIC", withByte(good, 0, 'X'));
    sent.put("CHECKSUM_MISMATCH", withByte(good, good.length / 2, good[good.length / 2] + 1));
    sent.put("good-1", RecordSerdes.clipSnippet().encode(second));
    sent.put("TRUNCATED", Arrays.copyOf(good, good.length - 100));
    sent.put("UNKNOWN_VERSION", withByte(good, 4, 99));
    sent.put("EMPTY", new byte[0]);
    sent.put("good-2", RecordSerdes.clipSnippet().encode(third));

    List<RecordMetadata> written = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = TopicsFixture.rawProducer(bootstrap)) {
      for (Map.Entry<String, byte[]> e : sent.entrySet()) {
        // One partition, so that the order around the bad records is the order produced.
        written.add(producer.send(new ProducerRecord<>(CLIPS.name(), 0, bytes(e.getKey()), e.getValue())).get());
      }
    }

    List<ConsumerRecord<byte[], byte[]>> polled = TopicSnapshot.read(bootstrap, CLIPS.name(), 0);
    List<DecodedRecord<ClipSnippet>> decoded;
    try (DeadLetterPublisher deadLetters = DeadLetterPublisher.open(bootstrap, "dead-letter-test")) {
      decoded = new RecordDecoder<>(RecordSerdes.clipSnippet().deserializer(), deadLetters).decode(polled);
      deadLetters.flush();
      assertThat(deadLetters.published()).isEqualTo(5);
    }
    // A second scan, and a third after a restart, refuse the same records without a second letter.
    for (int scan = 2; scan <= 3; scan++) {
      try (DeadLetterPublisher again = DeadLetterPublisher.open(bootstrap, "dead-letter-test")) {
        assertThat(new RecordDecoder<>(RecordSerdes.clipSnippet().deserializer(), again).decode(polled))
            .extracting(DecodedRecord::key).containsExactly("good-0", "good-1", "good-2");
        assertThat(again.refused()).as("scan " + scan).isEqualTo(5);
        assertThat(again.published()).as("scan " + scan).isZero();
      }
    }

    assertThat(decoded).extracting(DecodedRecord::key).containsExactly("good-0", "good-1", "good-2");
    assertThat(decoded).extracting(DecodedRecord::value).containsExactly(first, second, third);

    List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicSnapshot.read(bootstrap, TopicCatalog.DLQ.name(), 0).stream()
        .filter(r -> CLIPS.name().equals(header(r, DeadLetterHeaders.TOPIC)))
        .toList();
    assertThat(deadLetters).hasSize(5);
    List<String> keys = new ArrayList<>(sent.keySet());
    for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
      String key = new String(letter.key(), StandardCharsets.UTF_8);
      assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(key);
      assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("0");
      assertThat(header(letter, DeadLetterHeaders.OFFSET))
          .isEqualTo(Long.toString(written.get(keys.indexOf(key)).offset()));
      assertThat(header(letter, DeadLetterHeaders.DETAIL)).startsWith(key + ": ");
      assertThat(header(letter, DeadLetterHeaders.CONSUMER)).isEqualTo("dead-letter-test");
      assertThat(letter.value()).as("the bad record travels unchanged").isEqualTo(sent.get(key));
    }
  }

  private static byte[] withByte(byte[] original, int index, int value) {
    byte[] copy = original.clone();
    copy[index] = (byte) value;
    return copy;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return DeadLetterHeaders.text(record.headers(), name);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
