package dev.lofi.topics.codec;

/** The layout of one record type inside a {@link BinaryFrame} body. */
public interface BodyFormat<T> {

  /** Writes the value's fields; called twice per record, so it must not have side effects. */
  void write(T value, FrameBodyWriter body);

  /**
   * Reads the fields and builds the value; need not check for trailing bytes.
   *
   * @throws RecordFormatException for bytes that do not hold a value of this layout
   * @throws IllegalArgumentException when the record's own validation refuses a field
   */
  T read(FrameBody body);
}
