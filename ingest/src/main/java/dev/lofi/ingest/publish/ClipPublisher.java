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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
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
  /**
   * How long a send or a commit waits for an unreachable cluster before it fails. A leader's loss
   * on a replicated cluster is over in seconds (a new leader is elected once the dead broker's
   * session times out, 9 s by Kafka's default), so this is long enough to ride out a failover and
   * short enough to tell a user soon that the whole cluster is gone. A client config
   * ({@code --kafka-config}) may set {@code max.block.ms} and {@code delivery.timeout.ms} itself.
   */
  static final Duration CLUSTER_WAIT = Duration.ofSeconds(30);

  private final KafkaProducer<String, byte[]> producer;
  private String openVideo;
  private boolean abandoned;
  private byte[] openIngestId;
  private long bytesSent;

  public ClipPublisher(String bootstrap) {
    Properties props = ClientProperties.producer(bootstrap);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lofi-ingest-" + UUID.randomUUID());
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CLUSTER_WAIT.toMillis());
    props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CLUSTER_WAIT.multipliedBy(2).toMillis());
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
    send(new ProducerRecord<>(TopicCatalog.clips(clip.fidelity()).name(), null, clip.videoId(), value, headers));
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

  /**
   * Gives up on a producer that Kafka failed (cluster lost, producer fenced): nothing more is sent,
   * and the open video's transaction is left for the broker to abort at its timeout, since an
   * abort would wait on the same cluster again.
   */
  public void abandon() {
    abandoned = true;
    openVideo = null;
    producer.close(Duration.ZERO);
  }

  @Override
  public void close() {
    if (!abandoned) {
      abortVideo();
      producer.close(Duration.ofSeconds(30));
    }
  }

  private void sendAnnotations(VideoAnnotations annotations) {
    send(new ProducerRecord<>(TopicCatalog.ANNOTATIONS.name(), annotations.videoId(),
        RecordSerdes.videoAnnotations().encode(annotations)));
  }

  private void sendMetadata(VideoMetadata metadata) {
    send(new ProducerRecord<>(TopicCatalog.VIDEOS.name(), metadata.videoId(),
        RecordSerdes.videoMetadata().encode(metadata)));
  }

  /**
   * Hands a record to the producer. A send that fails at once (no metadata within {@link
   * #CLUSTER_WAIT}: the cluster is gone) is thrown here: the producer only records it in a future,
   * and each later send would wait out the same timeout again.
   */
  private void send(ProducerRecord<String, byte[]> record) {
    Future<RecordMetadata> sent = producer.send(record);
    if (sent.isDone()) {
      try {
        sent.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException(e);
      }
    }
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
