package dev.lofi.ingest.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AreaResamplerTest {

  @Test
  void halvingAveragesEachTwoByTwoBlock() {
    byte[] source = new byte[4 * 4 * 3];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        int p = (y * 4 + x) * 3;
        source[p] = (byte) (x < 2 ? 10 : 30); // red: left half 10, right half 30
        source[p + 1] = (byte) (y * 40); // green: 0, 40, 80, 120 by row
        source[p + 2] = (byte) 200;
      }
    }
    int[] expected = {10, 20, 200, 30, 20, 200, 10, 100, 200, 30, 100, 200};
    try (AreaResampler resampler = new AreaResampler(4, 2)) {
      byte[] target = resampler.resample(source);
      assertThat(target).hasSize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        // FFmpeg's fixed-point scaler rounds to within one level.
        assertThat(target[i] & 0xFF).as("byte " + i).isCloseTo(expected[i], within(1));
      }
    }
  }

  @Test
  void aFlatPictureStaysFlatAtAnySize() {
    byte[] source = new byte[64 * 64 * 3];
    Arrays.fill(source, (byte) 173);
    for (int size : new int[] {45, 32, 17, 2}) {
      try (AreaResampler resampler = new AreaResampler(64, size)) {
        byte[] target = resampler.resample(source);
        assertThat(target).hasSize(size * size * 3);
        for (byte b : target) {
          assertThat(b & 0xFF).isCloseTo(173, within(1));
        }
      }
    }
  }

  @Test
  void shrinkingByANonIntegerFactorKeepsTheMeanBrightness() {
    byte[] source = new byte[64 * 64 * 3];
    new Random(5).nextBytes(source);
    try (AreaResampler resampler = new AreaResampler(64, 45)) {
      assertThat(mean(resampler.resample(source))).isCloseTo(mean(source), within(1.0));
    }
  }

  @Test
  void enlargingIsRefused() {
    assertThatThrownBy(() -> new AreaResampler(32, 64)).hasMessageContaining("can only shrink");
  }

  private static double mean(byte[] pixels) {
    double sum = 0;
    for (byte b : pixels) {
      sum += b & 0xFF;
    }
    return sum / pixels.length;
  }
}
