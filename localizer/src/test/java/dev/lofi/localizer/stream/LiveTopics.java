package dev.lofi.localizer.stream;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.Segment;
import dev.lofi.topics.scan.TopicScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The live topics as a broker test writes and reads them. */
final class LiveTopics {

  private LiveTopics() {}

  /** Publishes snippets to {@code lofi.live.clips} keyed by their stream, as a live ingest does. */
  static void publish(String bootstrap, List<ClipSnippet> snippets) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientProperties.producer(bootstrap),
        new StringSerializer(), new ByteArraySerializer())) {
      for (ClipSnippet snippet : snippets) {
        producer.send(new ProducerRecord<>(TopicCatalog.LIVE_CLIPS.name(), snippet.videoId(),
            RecordSerdes.clipSnippet().encode(snippet)));
      }
      producer.flush();
    }
  }

  /** Every committed segment of {@code stream} on {@code lofi.segments}, in order. */
  static List<Segment> segments(String bootstrap, String stream) {
    List<Segment> segments = new ArrayList<>();
    TopicScan.scan(bootstrap, TopicCatalog.SEGMENTS.name(), record -> {
      Segment segment = RecordSerdes.segment().decode(record.value());
      if (segment.stream().equals(stream)) {
        segments.add(segment);
      }
    });
    return segments;
  }

  /** The segments with their latency left out: the one field that depends on when a run happened. */
  static List<Segment> withoutLatency(List<Segment> segments) {
    return segments.stream().map(s -> new Segment(s.stream(), s.event(), s.label(), s.start(), s.end(), s.score(),
        s.model(), s.startWall(), s.endWall(), 0)).toList();
  }
}
