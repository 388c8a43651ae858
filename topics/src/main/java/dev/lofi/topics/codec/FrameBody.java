package dev.lofi.topics.codec;

import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of a checked frame body in order; every read names its field so that a short
 * or malformed body is refused with a message that says where.
 */
public final class FrameBody {

  private final String format;
  private final ByteBuffer body;

  FrameBody(String format, ByteBuffer body) {
    this.format = format;
    this.body = body;
  }

  /** A big-endian int32. */
  public int readInt(String field) {
    require(field, Integer.BYTES);
    return body.getInt();
  }

  /** A big-endian int64. */
  public long readLong(String field) {
    require(field, Long.BYTES);
    return body.getLong();
  }

  /** A big-endian IEEE-754 binary64. */
  public double readDouble(String field) {
    require(field, Double.BYTES);
    return body.getDouble();
  }

  /** An unsigned byte, 0..255. */
  public int readU8(String field) {
    require(field, 1);
    return Byte.toUnsignedInt(body.get());
  }

  /** A u16 byte length followed by that many bytes of strict UTF-8. */
  public String readString(String field) {
    require(field, Short.BYTES);
    int length = Short.toUnsignedInt(body.getShort());
    require(field, length);
    ByteBuffer utf8 = body.slice(body.position(), length);
    body.position(body.position() + length);
    try {
      // Strict decoding: a replaced character would make a corrupt id look like a different valid one.
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(utf8);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new RecordFormatException(Reason.INVALID_FIELD, format + " field '" + field + "' is not valid UTF-8", e);
    }
  }

  /** {@code length} raw bytes, checked against what is left before anything is allocated. */
  public byte[] readBytes(String field, int length) {
    if (length < 0) {
      throw new RecordFormatException(Reason.INVALID_FIELD,
          format + " field '" + field + "' has a negative length: " + length);
    }
    require(field, length);
    byte[] bytes = new byte[length];
    body.get(bytes);
    return bytes;
  }

  /** {@code count} big-endian IEEE-754 binary32 values, checked before anything is allocated. */
  public float[] readFloats(String field, int count) {
    if (count < 0) {
      throw new RecordFormatException(Reason.INVALID_FIELD,
          format + " field '" + field + "' has a negative count: " + count);
    }
    require(field, (long) count * Float.BYTES);
    float[] values = new float[count];
    body.asFloatBuffer().get(values);
    body.position(body.position() + count * Float.BYTES);
    return values;
  }

  /**
   * Declares the body fully read.
   *
   * @throws RecordFormatException {@code TRAILING_BYTES} if the body holds more than its fields
   */
  public void finish() {
    if (body.hasRemaining()) {
      throw new RecordFormatException(Reason.TRAILING_BYTES,
          format + " body has " + body.remaining() + " bytes after its last field");
    }
  }

  private void require(String field, long bytes) {
    if (body.remaining() < bytes) {
      throw new RecordFormatException(Reason.TRUNCATED, format + " body truncated in field '" + field
          + "': needs " + bytes + " bytes, " + body.remaining() + " left");
    }
  }
}
