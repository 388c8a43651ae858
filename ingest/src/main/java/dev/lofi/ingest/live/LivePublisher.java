package dev.lofi.ingest.live;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends one stream's snippets to {@code lofi.live.clips}, keyed by stream id, with a plain
 * idempotent producer: a live stream has no unit to commit, and a localizer should see each snippet
 * as soon as it is sent. Idempotence keeps a stream's snippets in order and without duplicates
 * across the producer's own retries. A record's timestamp is its snippet's capture time: the
 * localizer's segments inherit it from the snippet that decided them, so any consumer of {@code
 * lofi.segments} can tell how long after capture a segment reached it.
 */
public final class LivePublisher implements SnippetSink {

  private final KafkaProducer<String, byte[]> producer;
  private final String streamId;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  /** A producer for {@code streamId}'s snippets on the cluster at {@code bootstrap}. */
  public LivePublisher(String bootstrap, String streamId) {
    this.producer = new KafkaProducer<>(ClientProperties.producer(bootstrap), new StringSerializer(),
        new ByteArraySerializer());
    this.streamId = streamId;
  }

  /** Hands a snippet to the producer. */
  @Override
  public void send(ClipSnippet snippet) {
    throwIfFailed();
    byte[] value = RecordSerdes.clipSnippet().encode(snippet);
    producer.send(new ProducerRecord<>(TopicCatalog.LIVE_CLIPS.name(), null, snippet.captureEpochMillis(), streamId,
        value), (metadata, e) -> {
      if (e != null) {
        failure.compareAndSet(null, e);
      }
    });
  }

  /** Waits until everything sent is written. */
  @Override
  public void flush() {
    producer.flush();
    throwIfFailed();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }

  private void throwIfFailed() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("cannot write stream " + streamId + " to " + TopicCatalog.LIVE_CLIPS.name()
          + ": " + e.getMessage(), e);
    }
  }
}
