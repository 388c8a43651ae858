package dev.lofi.topics.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BinaryFrameTest {

  private final BinaryFrame frame = new BinaryFrame("TEST", 3);

  private byte[] sample() {
    return frame.encode(body -> body.writeString("name", "héllo 漢字 🎬").writeInt(-7).writeLong(Long.MIN_VALUE)
        .writeDouble(Math.PI).writeU8(255).writeFloats(new float[] {1.5f, -0f}).writeBytes(new byte[] {1, 2, 3}));
  }

  /** A frame with a correct checksum over whatever header and body it is given. */
  private static byte[] withValidChecksum(byte[] headerAndBody) {
    CRC32C crc = new CRC32C();
    crc.update(headerAndBody);
    return ByteBuffer.allocate(headerAndBody.length + 4).put(headerAndBody).putInt((int) crc.getValue()).array();
  }

  private RecordFormatException refusal(byte[] bytes) {
    RecordFormatException refused = catchThrowableOfType(RecordFormatException.class, () -> frame.decode(bytes));
    assertThat(refused).as("decoding must be refused").isNotNull();
    return refused;
  }

  private static Reason reasonOf(ThrowingCallable read) {
    RecordFormatException refused = catchThrowableOfType(RecordFormatException.class, read);
    assertThat(refused).as("reading must be refused").isNotNull();
    return refused.reason();
  }

  @Test
  void fieldsReadBackInTheOrderTheyWereWritten() {
    FrameBody body = frame.decode(sample());

    assertThat(body.readString("name")).isEqualTo("héllo 漢字 🎬");
    assertThat(body.readInt("int")).isEqualTo(-7);
    assertThat(body.readLong("long")).isEqualTo(Long.MIN_VALUE);
    assertThat(body.readDouble("double")).isEqualTo(Math.PI);
    assertThat(body.readU8("u8")).isEqualTo(255);
    assertThat(body.readFloats("floats", 2)).containsExactly(1.5f, -0f);
    assertThat(body.readBytes("bytes", 3)).containsExactly(1, 2, 3);
    body.finish();
  }

  @Test
  void theLayoutIsMagicVersionLengthBodyAndCrc32cOverAllPrecedingBytes() {
    byte[] encoded = frame.encode(body -> body.writeInt(0x01020304));

    ByteBuffer buffer = ByteBuffer.wrap(encoded);
    assertThat(encoded).hasSize(4 + 1 + 4 + 4 + 4);
    assertThat(Arrays.copyOf(encoded, 4)).isEqualTo("TEST".getBytes(StandardCharsets.US_ASCII));
    assertThat(encoded[4]).isEqualTo((byte) 3);
    assertThat(buffer.getInt(5)).isEqualTo(4);
    assertThat(buffer.getInt(9)).isEqualTo(0x01020304);
    assertThat(encoded).isEqualTo(withValidChecksum(Arrays.copyOf(encoded, 13)));
  }

  @Test
  void nullOrNoBytesAreEmpty() {
    assertThat(refusal(null).reason()).isEqualTo(Reason.EMPTY);
    assertThat(refusal(new byte[0]).reason()).isEqualTo(Reason.EMPTY);
  }

  @Test
  void fewerBytesThanTheMagicAreTruncated() {
    assertThat(refusal(new byte[] {'T', 'E', 'S'}).reason()).isEqualTo(Reason.TRUNCATED);
  }

  @Test
  void aForeignMagicIsBadMagicNamingBothInHex() {
    RecordFormatException refused = refusal("{\"video_id\": 1}".getBytes(StandardCharsets.US_ASCII));

    assertThat(refused.reason()).isEqualTo(Reason.BAD_MAGIC);
    assertThat(refused.getMessage()).contains("0x54455354", "TEST", "0x7B227669");
  }

  @Test
  void aForeignMagicIsReportedBeforeShortness() {
    assertThat(refusal(new byte[] {'L', 'O', 'F', 'X', 1}).reason()).isEqualTo(Reason.BAD_MAGIC);
  }

  @Test
  void theMagicWithoutAWholeHeaderIsTruncated() {
    assertThat(refusal(Arrays.copyOf(sample(), 8)).reason()).isEqualTo(Reason.TRUNCATED);
  }

  @Test
  void anotherVersionIsUnknownVersionSayingWhichIsRead() {
    byte[] newer = new BinaryFrame("TEST", 4).encode(body -> body.writeInt(1));

    RecordFormatException refused = refusal(newer);
    assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_VERSION);
    assertThat(refused.getMessage()).contains("version 4", "reads version 3");
  }

  @Test
  void aNegativeBodyLengthIsAnInvalidField() {
    byte[] header =
        ByteBuffer.allocate(9).put("TEST".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).putInt(-1).array();

    assertThat(refusal(withValidChecksum(header)).reason()).isEqualTo(Reason.INVALID_FIELD);
  }

  @Test
  void fewerBytesThanTheBodyLengthDeclaresAreTruncatedSayingExpectedAndActual() {
    byte[] encoded = sample();
    RecordFormatException refused = refusal(Arrays.copyOf(encoded, encoded.length - 1));

    assertThat(refused.reason()).isEqualTo(Reason.TRUNCATED);
    assertThat(refused.getMessage()).contains(encoded.length + " bytes in all", "has " + (encoded.length - 1));
  }

  @Test
  void moreBytesThanDeclaredAreTrailingBytes() {
    byte[] encoded = sample();

    assertThat(refusal(Arrays.copyOf(encoded, encoded.length + 1)).reason()).isEqualTo(Reason.TRAILING_BYTES);
  }

  @Test
  void anAlteredBodyByteIsAChecksumMismatch() {
    byte[] encoded = sample();
    encoded[12] ^= 0x10;

    assertThat(refusal(encoded).reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
  }

  @Test
  void anAlteredChecksumIsAChecksumMismatch() {
    byte[] encoded = sample();
    encoded[encoded.length - 1] ^= 1;

    assertThat(refusal(encoded).reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
  }

  @Test
  void readingPastTheBodyIsTruncatedNamingTheField() {
    FrameBody body = frame.decode(frame.encode(b -> b.writeU8(1).writeU8(2)));

    assertThatThrownBy(() -> body.readInt("snippetCount"))
        .isInstanceOfSatisfying(RecordFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
          assertThat(e.getMessage()).contains("'snippetCount'", "needs 4 bytes, 2 left");
        });
  }

  @Test
  void aDeclaredLengthBeyondTheBodyIsTruncatedBeforeAllocating() {
    FrameBody body = frame.decode(frame.encode(b -> b.writeInt(1)));

    assertThat(reasonOf(() -> body.readBytes("payload", Integer.MAX_VALUE))).isEqualTo(Reason.TRUNCATED);
    assertThat(reasonOf(() -> body.readFloats("values", Integer.MAX_VALUE))).isEqualTo(Reason.TRUNCATED);
  }

  @Test
  void aNegativeDeclaredLengthIsAnInvalidField() {
    FrameBody body = frame.decode(frame.encode(b -> b.writeInt(1)));

    assertThat(reasonOf(() -> body.readBytes("payload", -1))).isEqualTo(Reason.INVALID_FIELD);
  }

  @Test
  void unreadBodyBytesAreTrailingBytesOnFinish() {
    FrameBody body = frame.decode(frame.encode(b -> b.writeInt(1).writeU8(9)));
    body.readInt("first");

    assertThat(reasonOf(body::finish)).isEqualTo(Reason.TRAILING_BYTES);
  }

  @Test
  void aStringThatIsNotUtf8IsAnInvalidField() {
    FrameBody body = frame.decode(frame.encode(b -> b.writeBytes(new byte[] {0, 2, (byte) 0xC3, (byte) 0x28})));

    assertThatThrownBy(() -> body.readString("videoId"))
        .isInstanceOfSatisfying(RecordFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
          assertThat(e.getMessage()).contains("'videoId'", "UTF-8");
        });
  }

  @Test
  void stringsThatCannotBeWrittenAreRefusedNamingTheField() {
    assertThatThrownBy(() -> frame.encode(b -> b.writeString("videoId", "a\uD800b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("videoId");
    assertThatThrownBy(() -> frame.encode(b -> b.writeString("source", "x".repeat(65_536))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
    assertThat(frame.decode(frame.encode(b -> b.writeString("max", "x".repeat(65_535)))).readString("max"))
        .hasSize(65_535);
  }

  @Test
  void aFrameClaimsBytesStartingWithItsMagicOrAPrefixOfIt() {
    assertThat(frame.claims(sample())).isTrue();
    assertThat(frame.claims(new byte[] {'T', 'E'})).isTrue();
    assertThat(frame.claims(new byte[] {'T', 'X'})).isFalse();
    assertThat(frame.claims(new byte[0])).isFalse();
    assertThat(frame.claims(null)).isFalse();
  }

  @Test
  void aMagicMustBeFourAsciiCharactersAndAVersionAByte() {
    assertThatThrownBy(() -> new BinaryFrame("LOF", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BinaryFrame("LOFé", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BinaryFrame("LOFC", 256)).isInstanceOf(IllegalArgumentException.class);
  }
}
