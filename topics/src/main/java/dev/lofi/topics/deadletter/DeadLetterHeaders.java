package dev.lofi.topics.deadletter;

import dev.lofi.topics.codec.RecordFormatException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Header names of a record on {@code lofi.dlq}, values UTF-8 strings, and how a refused record gets them. */
public final class DeadLetterHeaders {

  /** The {@link dev.lofi.topics.codec.RecordFormatException.Reason} name, e.g. CHECKSUM_MISMATCH. */
  public static final String REASON = "lofi.dlq.reason";
  /** The full error message: which field or byte range, and why. */
  public static final String DETAIL = "lofi.dlq.detail";
  /** The topic the record was read from. */
  public static final String TOPIC = "lofi.dlq.topic";
  /** The partition it was read from. */
  public static final String PARTITION = "lofi.dlq.partition";
  /** Its offset there. */
  public static final String OFFSET = "lofi.dlq.offset";
  /** The component that refused it (e.g. trainer, localizer). */
  public static final String CONSUMER = "lofi.dlq.consumer";

  private DeadLetterHeaders() {}

  /**
   * Adds to {@code headers} why and where a record was refused: read from {@code topic},
   * {@code partition} at {@code offset}, refused by {@code consumer} for {@code error}. Headers of
   * an earlier refusal are replaced, so a record dead-lettered twice names its latest origin.
   */
  public static void add(Headers headers, RecordFormatException error, String topic, int partition, long offset,
      String consumer) {
    put(headers, REASON, error.reason().name());
    put(headers, DETAIL, error.getMessage());
    put(headers, TOPIC, topic);
    put(headers, PARTITION, Integer.toString(partition));
    put(headers, OFFSET, Long.toString(offset));
    put(headers, CONSUMER, consumer);
  }

  /** A header's text, or null if the record has none of that name. */
  public static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
