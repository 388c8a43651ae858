package dev.lofi.model.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TemporalShiftPropertiesTest {

  /** The shift against a plain-Java reference on random {@code [N*T, C, 2]} tensors. */
  @Property(tries = 60)
  void matchesAPlainLoop(@ForAll @IntRange(min = 1, max = 3) int snippets,
      @ForAll @IntRange(min = 1, max = 5) int t, @ForAll @IntRange(min = 1, max = 20) int channels,
      @ForAll @IntRange(min = 0, max = 9) int divisorChoice, @ForAll long seed) {
    int divisor = divisorChoice == 1 ? 0 : divisorChoice;
    int spatial = 2;
    float[] x = new float[snippets * t * channels * spatial];
    Random random = new Random(seed);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat() + 0.5f;
    }
    float[] expected = new float[x.length];
    int fold = divisor == 0 ? 0 : channels / divisor;
    for (int n = 0; n < snippets; n++) {
      for (int f = 0; f < t; f++) {
        for (int c = 0; c < channels; c++) {
          int from = f;
          if (c < fold) {
            from = f - 1;
          } else if (c < 2 * fold) {
            from = f + 1;
          }
          for (int s = 0; s < spatial; s++) {
            int to = ((n * t + f) * channels + c) * spatial + s;
            expected[to] = from < 0 || from >= t
                ? 0f : x[((n * t + from) * channels + c) * spatial + s];
          }
        }
      }
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] actual = TemporalShift.shift(
          manager.create(x, new Shape((long) snippets * t, channels, spatial)), t, divisor)
          .toFloatArray();
      assertThat(actual).containsExactly(expected);
    }
  }
}
