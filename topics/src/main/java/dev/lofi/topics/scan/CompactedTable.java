package dev.lofi.topics.scan;

import dev.lofi.topics.deadletter.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The latest value per key of a compacted topic, as its records arrive: a tombstone deletes its
 * key, and a record that cannot be decoded goes to the decoder's dead-letter topic and changes
 * nothing.
 */
public final class CompactedTable<T> {

  private final RecordDecoder<T> decoder;
  private final Map<String, T> latest = new HashMap<>();

  public CompactedTable(RecordDecoder<T> decoder) {
    this.decoder = decoder;
  }

  /** Applies one record of the topic, in offset order within its partition. */
  public void accept(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      if (record.key() != null) {
        latest.remove(new String(record.key(), StandardCharsets.UTF_8));
      }
    } else {
      decoder.decode(List.of(record)).stream().filter(row -> row.key() != null)
          .forEach(row -> latest.put(row.key(), row.value()));
    }
  }

  /** The latest value by key so far: a view that later records change. */
  public Map<String, T> values() {
    return Collections.unmodifiableMap(latest);
  }
}
