package dev.lofi.localizer.reload;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.CheckpointChunk;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointKeys;
import dev.lofi.topics.record.RecordSerdes;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes a checkpoint whose parameters were altered after its manifest was made: its SHA-256 fails. */
public final class TamperedCheckpoint {

  private TamperedCheckpoint() {}

  /** Writes {@code checkpoint}'s chunks, one byte flipped, and then its manifest, as a publisher would. */
  public static void publish(String bootstrap, Checkpoint checkpoint) {
    String topic = TopicCatalog.CHECKPOINTS.name();
    List<CheckpointChunk> chunks = CheckpointChunker.split(checkpoint.manifest().model(),
        checkpoint.manifest().version(), checkpoint.parameters(), CheckpointChunker.DEFAULT_CHUNK_BYTES);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientProperties.producer(bootstrap),
        new StringSerializer(), new ByteArraySerializer())) {
      for (CheckpointChunk chunk : chunks) {
        byte[] bytes = chunk.bytes().clone();
        if (chunk.index() == 0) {
          bytes[bytes.length / 2] ^= 1;
        }
        CheckpointChunk altered = new CheckpointChunk(chunk.model(), chunk.version(), chunk.index(), chunk.count(), bytes);
        producer.send(new ProducerRecord<>(topic, CheckpointKeys.of(altered), RecordSerdes.checkpoint().encode(altered)));
      }
      producer.send(new ProducerRecord<>(topic, CheckpointKeys.of(checkpoint.manifest()),
          RecordSerdes.checkpoint().encode(checkpoint.manifest())));
      producer.flush();
    }
  }
}
