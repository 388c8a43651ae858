package dev.lofi.topics.deadletter;

import dev.lofi.topics.codec.RecordFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes what a byte-array consumer polled: good records come back typed, records that raise
 * {@link RecordFormatException} go to the dead-letter topic, and the batch goes on.
 */
public final class RecordDecoder<T> {

  private final Deserializer<T> deserializer;
  private final DeadLetterPublisher deadLetters;

  public RecordDecoder(Deserializer<T> deserializer, DeadLetterPublisher deadLetters) {
    this.deserializer = deserializer;
    this.deadLetters = deadLetters;
  }

  /** The decodable records of {@code polled}, in order; the others are dead-lettered. */
  public List<DecodedRecord<T>> decode(Iterable<ConsumerRecord<byte[], byte[]>> polled) {
    List<DecodedRecord<T>> decoded = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : polled) {
      try {
        T value = deserializer.deserialize(record.topic(), record.headers(), record.value());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        decoded.add(new DecodedRecord<>(key, value, record.topic(), record.partition(), record.offset(),
            record.timestamp()));
      } catch (RecordFormatException e) {
        deadLetters.publish(record, e);
      }
    }
    return decoded;
  }
}
