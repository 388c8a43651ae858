package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClipSnippetTest {

  private static ClipSnippet clip(int index, int count, double start, double end, int frames, byte[] payload) {
    return new ClipSnippet("v", "s", index, count, start, end, ClipSnippet.NOT_LIVE, false, false,
        frames, 2, 2, 3, DType.UINT8, payload);
  }

  @Test
  void aPayloadOfTheWrongLengthIsRefusedWithBothSizes() {
    assertThatThrownBy(() -> clip(0, 1, 0, 1, 2, new byte[23]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declared 2x2x2x3 UINT8 = 24 bytes, payload 23 bytes");
  }

  @Test
  void onlyAnEndOfStreamMarkerMayHaveNoFrames() {
    assertThatThrownBy(() -> clip(0, 1, 0, 1, 0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frames must be >= 1, got 0");

    ClipSnippet marker = ClipSnippet.endOfStreamMarker("cam", "full", 9, 18.0, 1_000L);
    assertThat(marker.endOfStream()).isTrue();
    assertThat(marker.frames()).isZero();
    assertThat(marker.payload()).isEmpty();
    assertThat(marker.snippetCount()).isEqualTo(ClipSnippet.UNKNOWN_COUNT);
  }

  @Test
  void anEndOfStreamMarkerWithFramesIsRefused() {
    assertThatThrownBy(() -> new ClipSnippet("cam", "full", 0, -1, 0, 0, 5, true, false,
        1, 2, 2, 3, DType.UINT8, new byte[12]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end-of-stream");
  }

  @Test
  void positionAndTimesAreChecked() {
    assertThatThrownBy(() -> clip(-1, 1, 0, 1, 1, new byte[12])).hasMessageContaining("snippetIndex");
    assertThatThrownBy(() -> clip(3, 3, 0, 1, 1, new byte[12]))
        .hasMessageContaining("snippetIndex must be < snippetCount 3");
    assertThatThrownBy(() -> clip(0, 0, 0, 1, 1, new byte[12])).hasMessageContaining("snippetCount");
    assertThatThrownBy(() -> clip(0, 1, 2, 1, 1, new byte[12])).hasMessageContaining("mediaEnd");
    assertThatThrownBy(() -> clip(0, 1, Double.NaN, 1, 1, new byte[12])).hasMessageContaining("mediaStart");
    assertThatThrownBy(() -> new ClipSnippet("v", "s", 0, 1, 0, 1, -2, false, false, 1, 2, 2, 3, DType.UINT8,
        new byte[12])).hasMessageContaining("captureEpochMillis");
    assertThatThrownBy(() -> new ClipSnippet("v", " ", 0, 1, 0, 1, -1, false, false, 1, 2, 2, 3, DType.UINT8,
        new byte[12])).hasMessageContaining("fidelity");
  }

  @Test
  void aShapeBeyondAnyArrayDoesNotOverflow() {
    assertThat(ClipSnippet.payloadBytes(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 3, DType.UINT8))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(ClipSnippet.payloadBytes(16, 256, 341, 3, DType.UINT8)).isEqualTo(4_190_208L);
  }

  @Test
  void equalityComparesPayloadContents() {
    ClipSnippet a = clip(0, 1, 0, 1, 1, new byte[12]);
    ClipSnippet b = clip(0, 1, 0, 1, 1, new byte[12]);
    byte[] other = new byte[12];
    other[11] = 1;

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(clip(0, 1, 0, 1, 1, other));
  }

  @Test
  void toStringGivesThePayloadSizeNotItsBytes() {
    assertThat(clip(0, 1, 0, 1, 1, new byte[12]).toString())
        .contains("payload=12 bytes", "1x2x2x3 UINT8")
        .doesNotContain("[0, 0");
  }

  @Test
  void dtypeCodesAreStable() {
    assertThat(DType.fromCode(1)).isEqualTo(DType.UINT8);
    assertThat(DType.UINT8.bytes()).isEqualTo(1);
    assertThatThrownBy(() -> DType.fromCode(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
