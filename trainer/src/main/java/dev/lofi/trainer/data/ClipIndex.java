package dev.lofi.trainer.data;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.deadletter.DeadLetterPublisher;
import dev.lofi.topics.deadletter.RecordDecoder;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.topics.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Where each video's snippets of one fidelity are: one scan of the clip topic, keeping for every
 * video the offsets of its current ingest run (the id its latest metadata names) and nothing
 * else. Epochs then read videos by offset in any order, so the data set is never copied to disk.
 */
public final class ClipIndex {

  private final String fidelity;
  private final Map<String, VideoLocation> locations;
  private final long deadLetters;

  private ClipIndex(String fidelity, Map<String, VideoLocation> locations, long deadLetters) {
    this.fidelity = fidelity;
    this.locations = locations;
    this.deadLetters = deadLetters;
  }

  /**
   * Scans {@code lofi.clips.<fidelity>} up to its end. Records that do not decode go to the
   * dead-letter topic; their video stays incomplete.
   *
   * @param videos the latest metadata per video id (from {@code lofi.videos})
   */
  public static ClipIndex scan(String bootstrap, String fidelity, Map<String, VideoMetadata> videos) {
    String topic = TopicCatalog.clips(fidelity).name();
    Map<String, VideoLocation> locations = new HashMap<>();
    long deadLettered;
    try (DeadLetterPublisher deadLetters = DeadLetterPublisher.open(bootstrap, "trainer")) {
      RecordDecoder<ClipSnippet> decoder = new RecordDecoder<>(RecordSerdes.clipSnippet().deserializer(), deadLetters);
      TopicScan.scan(bootstrap, topic, record -> {
        VideoMetadata video = record.key() == null ? null : videos.get(new String(record.key(), StandardCharsets.UTF_8));
        if (video == null || !video.ingest().ingestId().equals(ingestIdOf(record))) {
          return; // an older ingest run, or a video whose metadata (its commit) is not there
        }
        decoder.decode(List.of(record)).forEach(clip -> place(locations, topic, record, clip.value()));
      });
      deadLettered = deadLetters.refused();
    }
    return new ClipIndex(fidelity, locations, deadLettered);
  }

  /** The fidelity indexed. */
  public String fidelity() {
    return fidelity;
  }

  /** Every video with at least one snippet of its current run, complete or not. */
  public Map<String, VideoLocation> locations() {
    return locations;
  }

  /** Records refused while indexing. */
  public long deadLetters() {
    return deadLetters;
  }

  private static void place(Map<String, VideoLocation> locations, String topic, ConsumerRecord<byte[], byte[]> record,
      ClipSnippet clip) {
    VideoLocation location = locations.computeIfAbsent(clip.videoId(),
        id -> VideoLocation.empty(id, topic, record.partition(), Math.max(clip.snippetCount(), 1)));
    if (clip.snippetCount() == location.snippets() && clip.snippetIndex() < location.snippets()) {
      location.offsets()[clip.snippetIndex()] = record.offset();
      location.midpoints()[clip.snippetIndex()] = (clip.mediaStart() + clip.mediaEnd()) / 2;
    }
  }

  private static String ingestIdOf(ConsumerRecord<byte[], byte[]> record) {
    Header header = record.headers().lastHeader(IngestProvenance.HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
