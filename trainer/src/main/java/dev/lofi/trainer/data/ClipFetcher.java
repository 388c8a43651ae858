package dev.lofi.trainer.data;

import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one video's snippets straight from their offsets: a seek to the first, then a read to the
 * last, skipping other videos' records on the way. One consumer serves every fetch; not thread-safe.
 */
public final class ClipFetcher implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int FETCH_BYTES = 4 * 1024 * 1024;
  private static final int FETCH_MAX_WAIT_MS = 10;

  private final KafkaConsumer<byte[], byte[]> consumer;

  /**
   * Sized for reading one video and then seeking elsewhere. A fetch asks for a little more than a
   * full-fidelity video (cpu preset: 32 snippets of about 100 KB), not the 16 MB a scan reads,
   * because what comes after the video is dropped at the next seek. And the broker may hold a fetch
   * at the end of a partition for only a few milliseconds: the consumer prefetches past each video,
   * and the next video's fetch cannot go out until that request returns, which by default takes
   * half a second whenever the video was a partition's last.
   */
  public ClipFetcher(String bootstrap) {
    Properties properties = ClientProperties.consumer(bootstrap, "lofi-fetch-" + UUID.randomUUID());
    properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
    properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The video's snippets in index order, or empty if one of them no longer decodes (it was
   * dead-lettered when the index was built, or the topic changed since).
   */
  public Optional<List<ClipSnippet>> fetch(VideoLocation location) {
    return fetch(location, SparseSnippets.every(location.snippets()));
  }

  /** The records at {@code offsets}, in that order, reading from {@code first} up to the last of them. */
  private Optional<List<ClipSnippet>> read(VideoLocation location, long first, long[] offsets) {
    TopicPartition partition = new TopicPartition(location.topic(), location.partition());
    long last = Arrays.stream(offsets).max().orElseThrow();
    ClipSnippet[] snippets = new ClipSnippet[offsets.length];
    consumer.assign(List.of(partition));
    consumer.seek(partition, first);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (consumer.position(partition) <= last) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + location.videoId() + " from " + partition);
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        ClipSnippet decoded = null;
        for (int i = 0; i < offsets.length; i++) {
          if (offsets[i] == record.offset()) {
            try {
              decoded = decoded != null ? decoded : RecordSerdes.clipSnippet().decode(record.value());
            } catch (RecordFormatException e) {
              return Optional.empty();
            }
            snippets[i] = decoded;
          }
        }
      }
    }
    return Arrays.stream(snippets).allMatch(s -> s != null) ? Optional.of(List.of(snippets)) : Optional.empty();
  }

  /**
   * The snippets of {@code location} at {@code indices} (repeats allowed), in that
   * order; reads from the first of them to the last only. Empty if one no longer decodes.
   */
  public Optional<List<ClipSnippet>> fetch(VideoLocation location, int[] indices) {
    long[] wanted = new long[indices.length];
    for (int i = 0; i < indices.length; i++) {
      wanted[i] = location.offsets()[indices[i]];
    }
    if (Arrays.stream(wanted).anyMatch(offset -> offset < 0)) {
      return Optional.empty();
    }
    return read(location, Arrays.stream(wanted).min().orElseThrow(), wanted);
  }

  /**
   * One training set entry as a whole video: its snippets at {@code fidelity} and its ground
   * truth; empty if a snippet no longer decodes.
   */
  public Optional<VideoClips> fetch(TrainingSet.Entry entry, String fidelity) {
    return fetch(entry.location())
        .map(snippets -> new VideoClips(entry.location().videoId(), fidelity, snippets, entry.truth()));
  }

  /** Like {@link #fetch(TrainingSet.Entry, String)}, for a video that was trainable moments ago. */
  public VideoClips require(TrainingSet.Entry entry, String fidelity) {
    return fetch(entry, fidelity).orElseThrow(() -> new IllegalStateException("snippets of "
        + entry.location().videoId() + " at " + fidelity + " changed since they were indexed"));
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
