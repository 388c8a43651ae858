package dev.lofi.topics.scan;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.codec.RecordSerde;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest value per key of a compacted topic ({@code lofi.videos}, {@code lofi.annotations}):
 * tombstones delete their key, and records that cannot be decoded go to the dead-letter topic.
 */
public final class LatestValues {

  private LatestValues() {}

  /**
   * Reads {@code topic} from its start to its current end.
   *
   * @param consumerName who reads, for the dead-letter headers (e.g. {@code trainer})
   */
  public static <T> Map<String, T> read(String bootstrap, String topic, RecordSerde<T> serde, String consumerName) {
    try (DeadLetterPublisher deadLetters = DeadLetterPublisher.open(bootstrap, consumerName)) {
      CompactedTable<T> table = new CompactedTable<>(new RecordDecoder<>(serde.deserializer(), deadLetters));
      TopicScan.scan(bootstrap, topic, table::accept);
      return new HashMap<>(table.values());
    }
  }

  /** The latest metadata per video id on {@code lofi.videos}. */
  public static Map<String, VideoMetadata> videos(String bootstrap, String consumerName) {
    return read(bootstrap, TopicCatalog.VIDEOS.name(), RecordSerdes.videoMetadata(), consumerName);
  }

  /** The latest ground truth per video id on {@code lofi.annotations}. */
  public static Map<String, VideoAnnotations> annotations(String bootstrap, String consumerName) {
    return read(bootstrap, TopicCatalog.ANNOTATIONS.name(), RecordSerdes.videoAnnotations(), consumerName);
  }
}
