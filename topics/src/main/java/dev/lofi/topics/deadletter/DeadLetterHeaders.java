package dev.lofi.topics.deadletter;

/** Header names of a record on {@code lofi.dlq}; values are UTF-8 strings. */
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
}
