package dev.lofi.topics.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Writes the fields of a frame body, the mirror of {@link FrameBody}. {@link BinaryFrame} runs a
 * body through a measuring writer first, so that no format has to state its size separately from
 * its layout.
 */
public final class FrameBodyWriter {

  private static final int MAX_STRING_BYTES = 0xFFFF;

  /** Null while measuring. */
  private final ByteBuffer target;
  private long size;

  private FrameBodyWriter(ByteBuffer target) {
    this.target = target;
  }

  static FrameBodyWriter measuring() {
    return new FrameBodyWriter(null);
  }

  static FrameBodyWriter into(ByteBuffer target) {
    return new FrameBodyWriter(target);
  }

  /** A big-endian int32. */
  public FrameBodyWriter writeInt(int value) {
    if (target != null) {
      target.putInt(value);
    }
    size += Integer.BYTES;
    return this;
  }

  /** A big-endian int64. */
  public FrameBodyWriter writeLong(long value) {
    if (target != null) {
      target.putLong(value);
    }
    size += Long.BYTES;
    return this;
  }

  /** A big-endian IEEE-754 binary64. */
  public FrameBodyWriter writeDouble(double value) {
    if (target != null) {
      target.putDouble(value);
    }
    size += Double.BYTES;
    return this;
  }

  /** An unsigned byte. */
  public FrameBodyWriter writeU8(int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException("u8 value out of range 0..255: " + value);
    }
    if (target != null) {
      target.put((byte) value);
    }
    size += 1;
    return this;
  }

  /** A u16 byte length and the UTF-8 bytes of {@code value}, at most 65,535 of them. */
  public FrameBodyWriter writeString(String field, String value) {
    byte[] utf8 = utf8(field, value);
    if (target != null) {
      target.putShort((short) utf8.length).put(utf8);
    }
    size += Short.BYTES + utf8.length;
    return this;
  }

  /** Raw bytes, no length: the format writes the length where its reader expects it. */
  public FrameBodyWriter writeBytes(byte[] bytes) {
    if (target != null) {
      target.put(bytes);
    }
    size += bytes.length;
    return this;
  }

  /** Big-endian IEEE-754 binary32 values, no count. */
  public FrameBodyWriter writeFloats(float[] values) {
    if (target != null) {
      target.asFloatBuffer().put(values);
      target.position(target.position() + values.length * Float.BYTES);
    }
    size += (long) values.length * Float.BYTES;
    return this;
  }

  long size() {
    return size;
  }

  /** A format that wrote different fields while measuring is a bug, not bad input. */
  void checkFull(String format) {
    if (target.hasRemaining()) {
      throw new IllegalStateException(format + " body writer wrote " + target.position()
          + " bytes after measuring " + target.limit());
    }
  }

  private static byte[] utf8(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException("field '" + field + "' is null");
    }
    try {
      // Strict encoding: String.getBytes would silently turn an unpaired surrogate into '?'.
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(value));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      if (bytes.length > MAX_STRING_BYTES) {
        throw new IllegalArgumentException("field '" + field + "' is " + bytes.length
            + " UTF-8 bytes, more than " + MAX_STRING_BYTES);
      }
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("field '" + field + "' is not valid Unicode: " + e, e);
    }
  }
}
