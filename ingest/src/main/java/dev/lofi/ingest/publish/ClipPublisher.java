package dev.lofi.ingest.publish;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes videos to Kafka, one transaction per video: its snippets at every fidelity, then its
 * ground truth and its metadata. A video whose decoding fails half-way is aborted, and consumers
 * reading {@code read_committed} (all of lofi's) never see any of it. New ground truth of a video
 * already on the cluster goes out alone, in a transaction of its own.
 */
public final class ClipPublisher implements AutoCloseable {

  /** A video that takes longer than this to decode and publish is aborted by the broker. */
  static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private final KafkaProducer<String, byte[]> producer;
  private String openVideo;
  private byte[] openIngestId;
  private long bytesSent;

  public ClipPublisher(String bootstrap) {
    Properties props = ClientProperties.producer(bootstrap);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lofi-ingest-" + UUID.randomUUID());
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  /** Opens the transaction of one video; its clips carry {@code ingestId} in their headers. */
  public void beginVideo(String videoId, String ingestId) {
    requireNoneOpen();
    producer.beginTransaction();
    openVideo = videoId;
    openIngestId = ingestId.getBytes(StandardCharsets.UTF_8);
  }

  /** Sends one snippet to its fidelity's clip topic, keyed by video id. */
  public void sendClip(ClipSnippet clip) {
    requireOpen(clip.videoId());
    byte[] value = RecordSerdes.clipSnippet().encode(clip);
    RecordHeaders headers = new RecordHeaders();
    headers.add(IngestProvenance.HEADER, openIngestId);
    producer.send(new ProducerRecord<>(TopicCatalog.clips(clip.fidelity()).name(), null, clip.videoId(), value, headers));
    bytesSent += value.length;
  }

  /**
   * Sends the video's ground truth (if any) and its metadata, and commits: only now do its
   * snippets become visible. Metadata goes last because consumers treat it as "this run is whole".
   */
  public void commitVideo(VideoMetadata metadata, VideoAnnotations annotations) {
    requireOpen(metadata.videoId());
    if (annotations != null) {
      sendAnnotations(annotations);
    }
    sendMetadata(metadata);
    producer.commitTransaction();
    openVideo = null;
  }

  /**
   * Replaces the ground truth of a video whose snippets are on the cluster already: compacted
   * {@code lofi.annotations} keeps the latest record per video id, so this one record is all it
   * takes. {@code metadata} (null for none) goes with it where the video's metadata changed too.
   */
  public void updateGroundTruth(VideoAnnotations annotations, VideoMetadata metadata) {
    requireNoneOpen();
    producer.beginTransaction();
    sendAnnotations(annotations);
    if (metadata != null) {
      sendMetadata(metadata);
    }
    producer.commitTransaction();
  }

  /** Discards everything sent for the open video, if one is open. */
  public void abortVideo() {
    if (openVideo != null) {
      openVideo = null;
      producer.abortTransaction();
    }
  }

  /** Bytes of clip records handed to the producer so far. */
  public long bytesSent() {
    return bytesSent;
  }

  @Override
  public void close() {
    abortVideo();
    producer.close(Duration.ofSeconds(30));
  }

  private void sendAnnotations(VideoAnnotations annotations) {
    producer.send(new ProducerRecord<>(TopicCatalog.ANNOTATIONS.name(), annotations.videoId(),
        RecordSerdes.videoAnnotations().encode(annotations)));
  }

  private void sendMetadata(VideoMetadata metadata) {
    producer.send(new ProducerRecord<>(TopicCatalog.VIDEOS.name(), metadata.videoId(),
        RecordSerdes.videoMetadata().encode(metadata)));
  }

  private void requireNoneOpen() {
    if (openVideo != null) {
      throw new IllegalStateException("video " + openVideo + " is still open");
    }
  }

  private void requireOpen(String videoId) {
    if (!videoId.equals(openVideo)) {
      throw new IllegalStateException("no open transaction for video " + videoId);
    }
  }
}
