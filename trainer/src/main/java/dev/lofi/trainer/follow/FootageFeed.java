package dev.lofi.trainer.follow;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.topics.scan.CompactedTable;
import dev.lofi.topics.scan.TopicScan;
import dev.lofi.trainer.data.TrainingFootage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code lofi.videos} and {@code lofi.annotations} as they grow: one consumer reads both from their
 * start once and then only what is new, so a follower polling every few seconds neither rereads the
 * tables nor dead-letters a bad record again on every poll.
 */
final class FootageFeed implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final DeadLetterPublisher deadLetters;
  private final CompactedTable<VideoMetadata> videos;
  private final CompactedTable<VideoAnnotations> annotations;
  private final List<TopicPartition> partitions = new ArrayList<>();

  FootageFeed(String bootstrap) {
    this.deadLetters = DeadLetterPublisher.open(bootstrap, "trainer-follow");
    this.videos = new CompactedTable<>(new RecordDecoder<>(RecordSerdes.videoMetadata().deserializer(), deadLetters));
    this.annotations = new CompactedTable<>(new RecordDecoder<>(RecordSerdes.videoAnnotations().deserializer(),
        deadLetters));
    this.consumer = TopicScan.consumer(bootstrap);
    for (String topic : List.of(TopicCatalog.VIDEOS.name(), TopicCatalog.ANNOTATIONS.name())) {
      consumer.partitionsFor(topic, TIMEOUT).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads both topics up to their ends as they are now; the annotated training footage they then hold. */
  TrainingFootage catchUp() {
    TopicScan.readToEnds(consumer, consumer.endOffsets(partitions, TIMEOUT), record ->
        (record.topic().equals(TopicCatalog.VIDEOS.name()) ? videos : annotations).accept(record));
    return TrainingFootage.of(videos.values(), annotations.values());
  }

  /** The action classes the ground truth of {@code footage}'s videos holds, in a set of the caller's own. */
  Set<String> labels(TrainingFootage footage) {
    Set<String> labels = new TreeSet<>();
    footage.revisions().keySet().stream().map(id -> annotations.values().get(id)).filter(Objects::nonNull)
        .flatMap(truth -> truth.annotations().stream()).map(GroundTruthSegment::label).forEach(labels::add);
    return labels;
  }

  @Override
  public void close() {
    consumer.close();
    deadLetters.close();
  }
}
