package dev.lofi.model.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class TemporalShiftTest {

  /** {@code value(n, t, c) = 1000 n + 100 t + c + 1}: never 0, so zeros mark padding. */
  private static float value(int n, int t, int c) {
    return 1000 * n + 100 * t + c + 1;
  }

  /** A hand-made {@code [N*T, C, 1, 1]} tensor of {@link #value}s. */
  private static NDArray frames(NDManager manager, int snippets, int t, int channels) {
    float[] data = new float[snippets * t * channels];
    for (int n = 0; n < snippets; n++) {
      for (int f = 0; f < t; f++) {
        for (int c = 0; c < channels; c++) {
          data[(n * t + f) * channels + c] = value(n, f, c);
        }
      }
    }
    return manager.create(data, new Shape((long) snippets * t, channels, 1, 1));
  }

  private static float at(float[] data, int t, int channels, int n, int f, int c) {
    return data[(n * t + f) * channels + c];
  }

  @Test
  void groupZeroMovesLaterGroupOneEarlierRestStaysZerosAtTheEnds() {
    int snippets = 2;
    int t = 3;
    int channels = 16; // divisor 8: fold 2, group 0 = channels 0-1, group 1 = channels 2-3
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] out = TemporalShift.shift(frames(manager, snippets, t, channels), t, 8)
          .toFloatArray();

      for (int n = 0; n < snippets; n++) {
        for (int f = 0; f < t; f++) {
          for (int c = 0; c < channels; c++) {
            float expected;
            if (c < 2) {
              expected = f == 0 ? 0 : value(n, f - 1, c); // one step later
            } else if (c < 4) {
              expected = f == t - 1 ? 0 : value(n, f + 1, c); // one step earlier
            } else {
              expected = value(n, f, c);
            }
            assertThat(at(out, t, channels, n, f, c))
                .as("n=%d t=%d c=%d", n, f, c).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void oneFrameSnippetsZeroTheShiftedGroupsAndKeepTheRest() {
    int channels = 8; // divisor 4: fold 2
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] out = TemporalShift.shift(frames(manager, 3, 1, channels), 1, 4).toFloatArray();

      for (int n = 0; n < 3; n++) {
        for (int c = 0; c < channels; c++) {
          assertThat(at(out, 1, channels, n, 0, c)).as("n=%d c=%d", n, c)
              .isEqualTo(c < 4 ? 0f : value(n, 0, c));
        }
      }
    }
  }

  @Test
  void divisorZeroAndTooFewChannelsShiftNothing() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = frames(manager, 1, 4, 6);
      assertThat(TemporalShift.shift(x, 4, 0).toFloatArray()).containsExactly(x.toFloatArray());
      assertThat(TemporalShift.shift(x, 4, 8).toFloatArray()).containsExactly(x.toFloatArray());
    }
  }

  @Test
  void gradientOfTheShiftIsTheOppositeShift() {
    int t = 4;
    int channels = 8;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = frames(manager, 1, t, channels);
      NDArray weights = frames(manager, 1, t, channels).mul(0.5f);
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(TemporalShift.shift(x, t, 8).mul(weights).sum());
      }
      float[] w = weights.toFloatArray();
      float[] grad = x.getGradient().toFloatArray();
      for (int f = 0; f < t; f++) {
        // channel 0 moved later: x[f] fed out[f+1]; channel 1 moved earlier: x[f] fed out[f-1]
        assertThat(at(grad, t, channels, 0, f, 0))
            .isEqualTo(f == t - 1 ? 0f : at(w, t, channels, 0, f + 1, 0));
        assertThat(at(grad, t, channels, 0, f, 1))
            .isEqualTo(f == 0 ? 0f : at(w, t, channels, 0, f - 1, 1));
        assertThat(at(grad, t, channels, 0, f, 5)).isEqualTo(at(w, t, channels, 0, f, 5));
      }
    }
  }

  @Test
  void refusesBadArgumentsNamingThem() {
    assertThatThrownBy(() -> new TemporalShift(8, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shiftDivisor")
        .hasMessageContaining("got 1");
    assertThatThrownBy(() -> new TemporalShift(0, 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("framesPerSnippet");
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray sevenFrames = frames(manager, 1, 7, 8);
      assertThatThrownBy(() -> TemporalShift.shift(sevenFrames, 2, 8))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T = 2");
    }
  }
}
