package dev.lofi.ingest.publish;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The videos already on the cluster: the latest metadata per video id on compacted {@code lofi.videos}. */
public final class IngestedVideos {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, VideoMetadata> latest;

  private IngestedVideos(Map<String, VideoMetadata> latest) {
    this.latest = latest;
  }

  /** Reads {@code lofi.videos} from its start to its current end; unreadable records go to the DLQ. */
  public static IngestedVideos read(String bootstrap) {
    Properties props = ClientProperties.consumer(bootstrap, "lofi-ingest-" + UUID.randomUUID());
    Map<String, VideoMetadata> latest = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
         KafkaProducer<byte[], byte[]> dlq = new KafkaProducer<>(ClientProperties.producer(bootstrap),
             new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(TopicCatalog.VIDEOS.name(), READ_TIMEOUT).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      RecordDecoder<VideoMetadata> decoder = new RecordDecoder<>(RecordSerdes.videoMetadata().deserializer(),
          new DeadLetterPublisher(dlq, "ingest"));
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + TopicCatalog.VIDEOS.name() + " within " + READ_TIMEOUT);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() == null) {
            // A tombstone: the video was deleted on purpose; not a bad record.
            latest.remove(new String(record.key(), StandardCharsets.UTF_8));
          } else {
            decoder.decode(List.of(record)).forEach(video -> latest.put(video.key(), video.value()));
          }
        }
      }
    }
    return new IngestedVideos(latest);
  }

  /** The latest metadata of a video, if it was ever ingested. */
  public Optional<VideoMetadata> get(String videoId) {
    return Optional.ofNullable(latest.get(videoId));
  }
}
