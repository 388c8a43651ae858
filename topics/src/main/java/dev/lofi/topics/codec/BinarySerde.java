package dev.lofi.topics.codec;

import dev.lofi.topics.codec.RecordFormatException.Reason;

/** A serde of one binary record type: a {@link BodyFormat} inside a {@link BinaryFrame}. */
public final class BinarySerde<T> extends RecordSerde<T> {

  private final BinaryFrame frame;
  private final BodyFormat<T> format;

  public BinarySerde(BinaryFrame frame, BodyFormat<T> format) {
    this.frame = frame;
    this.format = format;
  }

  /** The frame this serde writes and reads. */
  public BinaryFrame frame() {
    return frame;
  }

  @Override
  public byte[] encode(T value) {
    return frame.encode(body -> format.write(value, body));
  }

  @Override
  public T decode(byte[] bytes) {
    FrameBody body = frame.decode(bytes);
    T value;
    try {
      value = format.read(body);
    } catch (IllegalArgumentException e) {
      // The record's compact constructor refused a field that passed the frame's checks.
      throw new RecordFormatException(Reason.INVALID_FIELD, frame.name() + ": " + e.getMessage(), e);
    }
    body.finish();
    return value;
  }
}
