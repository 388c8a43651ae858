package dev.lofi.topics.codec;

/**
 * A record that cannot be decoded. The {@link Reason} is machine-readable (it becomes the
 * dead-letter header); the message says which field or byte range is wrong and why.
 */
public final class RecordFormatException extends RuntimeException {

  /** Why a record was refused. */
  public enum Reason {
    /** The bytes do not start with the format's magic number: not a lofi record of this type. */
    BAD_MAGIC,
    /** A lofi record of a format version this build does not read. */
    UNKNOWN_VERSION,
    /** Fewer bytes than the header declares. */
    TRUNCATED,
    /** More bytes than the header declares. */
    TRAILING_BYTES,
    /** The checksum over header and payload does not match: bytes were altered. */
    CHECKSUM_MISMATCH,
    /** The declared tensor shape and dtype do not match the payload length. */
    SHAPE_MISMATCH,
    /** A field holds a value outside its domain (negative count, end before start, ...). */
    INVALID_FIELD,
    /** JSON that does not parse or does not have the record's fields. */
    MALFORMED_JSON,
    /** A record that arrived with no value at all. */
    EMPTY,
    /**
     * A well-formed record its consumer cannot use: a snippet of other frames than the serving
     * model encodes (another fidelity preset's, say).
     */
    INCOMPATIBLE
  }

  private final Reason reason;

  public RecordFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RecordFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The machine-readable cause. */
  public Reason reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return reason + ": " + super.getMessage();
  }
}
