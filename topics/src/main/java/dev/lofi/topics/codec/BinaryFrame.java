package dev.lofi.topics.codec;

import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The envelope shared by every binary lofi record: {@code [magic int32][version u8][bodyLength
 * int32][body][crc32c u32]}, big-endian, the checksum covering every byte before it.
 */
public final class BinaryFrame {

  /** Magic, version and body length. */
  static final int HEADER_BYTES = 4 + 1 + 4;
  /** The CRC-32C. */
  static final int TRAILER_BYTES = 4;

  private final String name;
  private final int magic;
  private final int version;

  /**
   * A frame of one format.
   *
   * @param magic four ASCII characters naming the format, e.g. {@code LOFC}
   * @param version the body layout this frame writes and the only one it reads, 0..255
   */
  public BinaryFrame(String magic, int version) {
    if (magic == null || magic.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(magic)) {
      throw new IllegalArgumentException("magic must be four ASCII characters, got '" + magic + "'");
    }
    if (version < 0 || version > 255) {
      throw new IllegalArgumentException("version must be in 0..255, got " + version);
    }
    this.name = magic;
    this.magic = ByteBuffer.wrap(magic.getBytes(StandardCharsets.US_ASCII)).getInt();
    this.version = version;
  }

  /** The format's four-character name, as its magic spells it. */
  public String name() {
    return name;
  }

  /**
   * Whether bytes look like this format: they start with its magic, or are a non-empty prefix of
   * it (a truncated frame). Lets a topic that carries several formats pick the decoder.
   */
  public boolean claims(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return false;
    }
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] != (byte) (magic >>> (24 - 8 * i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Frames a body. The body is written twice, first to measure it, so that the frame is allocated
   * once at its exact size: clip records are megabytes.
   *
   * @param body writes the body's fields; must write the same fields both times
   */
  public byte[] encode(Consumer<FrameBodyWriter> body) {
    FrameBodyWriter measure = FrameBodyWriter.measuring();
    body.accept(measure);
    long bodyLength = measure.size();
    if (bodyLength > Integer.MAX_VALUE - HEADER_BYTES - TRAILER_BYTES) {
      throw new IllegalArgumentException(name + " record too large to frame: " + bodyLength + " body bytes");
    }
    byte[] frame = new byte[HEADER_BYTES + (int) bodyLength + TRAILER_BYTES];
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    buffer.putInt(magic).put((byte) version).putInt((int) bodyLength);
    FrameBodyWriter writer = FrameBodyWriter.into(buffer.slice(HEADER_BYTES, (int) bodyLength));
    body.accept(writer);
    writer.checkFull(name);
    CRC32C crc = new CRC32C();
    crc.update(frame, 0, frame.length - TRAILER_BYTES);
    buffer.putInt(frame.length - TRAILER_BYTES, (int) crc.getValue());
    return frame;
  }

  /**
   * Checks a frame's envelope and returns a reader over its body.
   *
   * @throws RecordFormatException for a missing, foreign, truncated, padded or altered frame
   */
  public FrameBody decode(byte[] frame) {
    if (frame == null || frame.length == 0) {
      throw new RecordFormatException(Reason.EMPTY, name + " record has no bytes");
    }
    if (frame.length < 4) {
      throw new RecordFormatException(Reason.TRUNCATED,
          name + " record of " + frame.length + " bytes is shorter than its 4-byte magic");
    }
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    int foundMagic = buffer.getInt(0);
    if (foundMagic != magic) {
      throw new RecordFormatException(Reason.BAD_MAGIC, String.format(
          "expected magic 0x%08X (%s), found 0x%08X: not a %s record", magic, name, foundMagic, name));
    }
    if (frame.length < HEADER_BYTES) {
      throw new RecordFormatException(Reason.TRUNCATED, name + " record of " + frame.length
          + " bytes is shorter than its " + HEADER_BYTES + "-byte header");
    }
    int foundVersion = Byte.toUnsignedInt(buffer.get(4));
    if (foundVersion != version) {
      throw new RecordFormatException(Reason.UNKNOWN_VERSION,
          name + " version " + foundVersion + " is not supported; this build reads version " + version + " only");
    }
    int bodyLength = buffer.getInt(5);
    if (bodyLength < 0) {
      throw new RecordFormatException(Reason.INVALID_FIELD, name + " body length is negative: " + bodyLength);
    }
    long expected = (long) HEADER_BYTES + bodyLength + TRAILER_BYTES;
    if (frame.length < expected) {
      throw new RecordFormatException(Reason.TRUNCATED, name + " frame declares a " + bodyLength
          + "-byte body, " + expected + " bytes in all, but has " + frame.length);
    }
    if (frame.length > expected) {
      throw new RecordFormatException(Reason.TRAILING_BYTES, name + " frame declares a " + bodyLength
          + "-byte body, " + expected + " bytes in all, but has " + frame.length
          + " (" + (frame.length - expected) + " trailing)");
    }
    CRC32C crc = new CRC32C();
    crc.update(frame, 0, frame.length - TRAILER_BYTES);
    int computed = (int) crc.getValue();
    int stored = buffer.getInt(frame.length - TRAILER_BYTES);
    if (stored != computed) {
      throw new RecordFormatException(Reason.CHECKSUM_MISMATCH, String.format(
          "%s checksum mismatch: stored 0x%08X, computed 0x%08X: bytes were altered", name, stored, computed));
    }
    return new FrameBody(name, buffer.slice(HEADER_BYTES, bodyLength));
  }
}
