package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lofi.topics.codec.BinaryFrame;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * What every binary record format promises: values survive a round trip, and any damage to the
 * bytes is refused with a {@link RecordFormatException}, never another exception or a wrong value.
 */
abstract class BinaryFormatContract<T> extends RecordFormatContract<T> {

  private static final int HEADER_BYTES = 9;
  private static final int TRAILER_BYTES = 4;

  abstract BinaryFrame frame();

  @Property(tries = 500)
  void flippingAnyByteIsRefused(
      @ForAll("encodings") byte[] encoding, @ForAll @IntRange(max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    encoding[position % encoding.length] ^= (byte) mask;
    assertThatThrownBy(() -> serde().decode(encoding)).isInstanceOf(RecordFormatException.class);
  }

  @Property(tries = 500)
  void flippingAnyBitIsRefused(
      @ForAll("encodings") byte[] encoding, @ForAll @IntRange(max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(max = 7) int bit) {
    encoding[position % encoding.length] ^= (byte) (1 << bit);
    assertThatThrownBy(() -> serde().decode(encoding)).isInstanceOf(RecordFormatException.class);
  }

  @Property(tries = 500)
  void truncatingToAnyShorterLengthIsRefusedAsTruncated(
      @ForAll("encodings") byte[] encoding, @ForAll @IntRange(max = Integer.MAX_VALUE) int length) {
    byte[] truncated = Arrays.copyOf(encoding, length % encoding.length);
    Reason expected = truncated.length == 0 ? Reason.EMPTY : Reason.TRUNCATED;
    assertThat(refusal(truncated).reason()).isEqualTo(expected);
  }

  @Property(tries = 300)
  void appendingBytesIsRefusedAsTrailing(
      @ForAll("encodings") byte[] encoding, @ForAll @Size(min = 1, max = 16) byte[] extra) {
    byte[] longer = Arrays.copyOf(encoding, encoding.length + extra.length);
    System.arraycopy(extra, 0, longer, encoding.length, extra.length);
    assertThat(refusal(longer).reason()).isEqualTo(Reason.TRAILING_BYTES);
  }

  @Property(tries = 300)
  void randomBytesAreRefused(@ForAll @Size(max = 64) byte[] bytes) {
    assertThatThrownBy(() -> serde().decode(bytes)).isInstanceOf(RecordFormatException.class);
  }

  @Property(tries = 300)
  void randomBytesAfterTheMagicAreRefused(@ForAll @Size(max = 64) byte[] rest) {
    byte[] bytes = ByteBuffer.allocate(4 + rest.length).put(frame().name().getBytes()).put(rest).array();
    assertThatThrownBy(() -> serde().decode(bytes)).isInstanceOf(RecordFormatException.class);
  }

  @Property(tries = 300)
  void aRandomBodyUnderAValidChecksumIsRefusedOrValid(@ForAll @Size(max = 128) byte[] body) {
    assertDecodesOrRefuses(frame().encode(writer -> writer.writeBytes(body)));
  }

  @Property(tries = 500)
  void aDamagedBodyUnderAValidChecksumIsRefusedOrValid(
      @ForAll("encodings") byte[] encoding, @ForAll @IntRange(max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] body = Arrays.copyOfRange(encoding, HEADER_BYTES, encoding.length - TRAILER_BYTES);
    if (body.length > 0) {
      body[position % body.length] ^= (byte) mask;
    }
    assertDecodesOrRefuses(frame().encode(writer -> writer.writeBytes(body)));
  }

  RecordFormatException refusal(byte[] bytes) {
    RecordFormatException refused = catchThrowableOfType(RecordFormatException.class, () -> serde().decode(bytes));
    assertThat(refused).as("decoding must be refused").isNotNull();
    return refused;
  }

  private void assertDecodesOrRefuses(byte[] frame) {
    try {
      assertThat(serde().decode(frame)).isNotNull();
    } catch (RecordFormatException refused) {
      // Refusing is the other allowed outcome; anything else propagates and fails the property.
      assertThat(refused.reason()).isNotNull();
    }
  }
}
