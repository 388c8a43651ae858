package dev.lofi.topics.codec;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde of one lofi record type whose reading side either returns a valid value or
 * throws {@link RecordFormatException}, so that consumers route every bad record the same way.
 *
 * <p>Tombstones are asymmetric on purpose: the serializer writes a null value as a null record
 * (deleting a key on a compacted topic), but the deserializer refuses a null or empty value with
 * {@code EMPTY} rather than returning null. A null would travel on as if it were a record and fail
 * later, far from its offset. A plain {@code KafkaConsumer} never calls the deserializer for a
 * tombstone (it hands back a null value, which the caller skips); Kafka Streams does, and its
 * deserialization exception handler then sees {@code EMPTY} like any other unreadable record.
 */
public abstract class RecordSerde<T> implements Serde<T> {

  /**
   * The record's bytes.
   *
   * @throws IllegalArgumentException if the value cannot be represented in the format
   */
  public abstract byte[] encode(T value);

  /**
   * The record the bytes hold, never null.
   *
   * @throws RecordFormatException if the bytes are not a valid record of this type
   */
  public abstract T decode(byte[] bytes);

  @Override
  public final Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public final Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
