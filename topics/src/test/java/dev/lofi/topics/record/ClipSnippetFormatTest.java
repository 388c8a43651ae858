package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.topics.codec.BinaryFrame;
import dev.lofi.topics.codec.BinarySerde;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import dev.lofi.topics.codec.RecordSerde;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;

class ClipSnippetFormatTest extends BinaryFormatContract<ClipSnippet> {

  @Override
  RecordSerde<ClipSnippet> serde() {
    return RecordSerdes.clipSnippet();
  }

  @Override
  BinaryFrame frame() {
    return ClipSnippetFormat.FRAME;
  }

  @Override
  Arbitrary<ClipSnippet> validValues() {
    return ArbitraryRecords.clipSnippets();
  }

  private static ClipSnippet clip(int frames, int height, int width, int channels) {
    byte[] payload = new byte[frames * height * width * channels];
    new Random(7).nextBytes(payload);
    return new ClipSnippet("video-1", "full", 3, 10, 12.8, 14.4, ClipSnippet.NOT_LIVE, false, false,
        frames, height, width, channels, DType.UINT8, payload);
  }

  /**
   * A correctly framed version 1 body of a {@code frames x 2 x 2 x 3} clip, snippet {@code index}
   * of 3, with the fields given as is, so that tests can write what the encoder never would.
   */
  private static byte[] frameOf(int index, int flags, int frames, int dtypeCode, int payloadLength, byte[] payload) {
    return ClipSnippetFormat.FRAME.encode(body -> body.writeString("videoId", "v").writeString("fidelity", "st")
        .writeInt(index).writeInt(3).writeDouble(0).writeDouble(1).writeLong(-1).writeU8(flags)
        .writeInt(frames).writeInt(2).writeInt(2).writeInt(3).writeU8(dtypeCode)
        .writeInt(payloadLength).writeBytes(payload));
  }

  @Example
  void aFourMebibyteClipRoundTrips() {
    ClipSnippet large = clip(16, 256, 341, 3);

    byte[] encoded = serde().encode(large);

    assertThat(encoded.length).isBetween(large.payload().length, large.payload().length + 128);
    assertThat(serde().decode(encoded)).isEqualTo(large);
  }

  @Example
  void liveSnippetsAndEndOfStreamMarkersRoundTrip() {
    ClipSnippet live = new ClipSnippet("cam-7", "full", 41, ClipSnippet.UNKNOWN_COUNT, 65.6, 67.2,
        1_700_000_000_123L, false, true, 1, 2, 2, 3, DType.UINT8, new byte[12]);
    ClipSnippet end = ClipSnippet.endOfStreamMarker("cam-7", "full", 42, 67.2, 1_700_000_001_723L);

    assertThat(serde().decode(serde().encode(live))).isEqualTo(live);
    assertThat(serde().decode(serde().encode(end))).isEqualTo(end);
  }

  @Example
  void aShapeThatDisagreesWithThePayloadIsAShapeMismatch() {
    RecordFormatException refused = refusal(frameOf(0, 0, 2, DType.UINT8.code(), 23, new byte[23]));

    assertThat(refused.reason()).isEqualTo(Reason.SHAPE_MISMATCH);
    assertThat(refused.getMessage()).contains("declared 2x2x2x3 UINT8 = 24 bytes, payload 23 bytes");
  }

  @Example
  void aPayloadShorterThanItsLengthIsTruncated() {
    assertThat(refusal(frameOf(0, 0, 2, DType.UINT8.code(), 24, new byte[20])).reason()).isEqualTo(Reason.TRUNCATED);
  }

  @Example
  void bytesAfterThePayloadAreTrailing() {
    assertThat(refusal(frameOf(0, 0, 2, DType.UINT8.code(), 24, new byte[25])).reason())
        .isEqualTo(Reason.TRAILING_BYTES);
  }

  @Example
  void anUnknownDtypeCodeIsAnInvalidField() {
    RecordFormatException refused = refusal(frameOf(0, 0, 2, 99, 24, new byte[24]));

    assertThat(refused.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(refused.getMessage()).contains("dtype code 99");
  }

  @Example
  void unknownFlagBitsAreAnInvalidField() {
    RecordFormatException refused = refusal(frameOf(0, 0b100, 2, DType.UINT8.code(), 24, new byte[24]));

    assertThat(refused.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(refused.getMessage()).contains("flags");
  }

  @Example
  void aNegativeDimensionIsAnInvalidFieldNamingIt() {
    RecordFormatException refused = refusal(frameOf(0, 0, -2, DType.UINT8.code(), 24, new byte[24]));

    assertThat(refused.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(refused.getMessage()).contains("frames must be >= 0, got -2");
  }

  @Example
  void aDomainViolationIsAnInvalidFieldNamingTheField() {
    RecordFormatException refused = refusal(frameOf(5, 0, 2, DType.UINT8.code(), 24, new byte[24]));
    assertThat(refused.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(refused.getMessage()).contains("snippetIndex");
  }

  @Example
  void anotherVersionIsAnUnknownVersion() {
    byte[] newer = new BinarySerde<>(new BinaryFrame("LOFC", 2), new ClipSnippetFormat()).encode(clip(1, 2, 2, 3));

    assertThat(refusal(newer).reason()).isEqualTo(Reason.UNKNOWN_VERSION);
  }

  @Example
  void aFeatureSequenceIsBadMagicForTheClipSerde() {
    byte[] features = RecordSerdes.featureSequence().encode(
        new FeatureSequence("v", "m1", 1.0, 1, 1, new float[] {0.5f}));

    assertThat(refusal(features).reason()).isEqualTo(Reason.BAD_MAGIC);
  }
}
