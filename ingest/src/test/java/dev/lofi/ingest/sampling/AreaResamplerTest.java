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
    byte[] target = new AreaResampler(4, 2).resample(source);
    assertThat(target).containsExactly(10, 20, 200, 30, 20, 200, 10, 100, 200, 30, 100, 200);
  }

  @Test
  void aFlatPictureStaysFlatAtAnySize() {
    byte[] source = new byte[64 * 64 * 3];
    Arrays.fill(source, (byte) 173);
    for (int size : new int[] {45, 32, 17, 1}) {
      byte[] target = new AreaResampler(64, size).resample(source);
      assertThat(target).hasSize(size * size * 3);
      for (byte b : target) {
        assertThat(b & 0xFF).isEqualTo(173);
      }
    }
  }

  @Test
  void shrinkingByANonIntegerFactorKeepsTheMeanBrightness() {
    byte[] source = new byte[64 * 64 * 3];
    new Random(5).nextBytes(source);
    byte[] target = new AreaResampler(64, 45).resample(source);
    assertThat(mean(target)).isCloseTo(mean(source), within(0.5));
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
