package dev.lofi.model.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTensorTest {

  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  /** {@code [T=2, H=1, W=2, C=3]}: byte {@code 10*(t*2 + x) + c}, and one 255 to catch sign. */
  private static byte[] payload() {
    byte[] bytes = new byte[2 * 1 * 2 * 3];
    for (int t = 0; t < 2; t++) {
      for (int x = 0; x < 2; x++) {
        for (int c = 0; c < 3; c++) {
          bytes[(t * 2 + x) * 3 + c] = (byte) (10 * (t * 2 + x) + c);
        }
      }
    }
    bytes[bytes.length - 1] = (byte) 255;
    return bytes;
  }

  private static float normalised(int value, int c) {
    return (value / 255f - MEAN[c]) / STD[c];
  }

  @Test
  void movesChannelsBeforeSpaceAndNormalisesWithImageNetStatistics() {
    byte[] bytes = payload();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray snippet = SnippetTensor.fromRgb(manager, bytes, 2, 1, 2);

      assertThat(snippet.getShape()).isEqualTo(new Shape(2, 3, 1, 2)); // [T, C, H, W]
      assertThat(snippet.getDataType()).isEqualTo(DataType.FLOAT32);
      for (int t = 0; t < 2; t++) {
        for (int c = 0; c < 3; c++) {
          for (int x = 0; x < 2; x++) {
            int value = bytes[(t * 2 + x) * 3 + c] & 0xFF;
            assertThat(snippet.getFloat(t, c, 0, x)).as("t=%d c=%d x=%d", t, c, x)
                .isCloseTo(normalised(value, c), within(1e-6f));
          }
        }
      }
      assertThat(snippet.getFloat(1, 2, 0, 1)).isCloseTo(normalised(255, 2), within(1e-6f));
    }
  }

  @Test
  void batchesSnippetsIntoFiveAxes() {
    byte[] first = payload();
    byte[] second = new byte[first.length];
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray batch = SnippetTensor.batchFromRgb(manager, List.of(first, second), 2, 1, 2);

      assertThat(batch.getShape()).isEqualTo(new Shape(2, 2, 3, 1, 2)); // [N, T, C, H, W]
      assertThat(batch.get(0).toFloatArray())
          .containsExactly(SnippetTensor.fromRgb(manager, first, 2, 1, 2).toFloatArray());
      assertThat(batch.getFloat(1, 1, 2, 0, 1)).isCloseTo(normalised(0, 2), within(1e-6f));
    }
  }

  @Test
  void refusesPayloadsOfTheWrongSize() {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> SnippetTensor.fromRgb(manager, new byte[11], 2, 1, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("12 bytes, got 11");
      assertThatThrownBy(() -> SnippetTensor.batchFromRgb(
              manager, List.of(new byte[12], new byte[6]), 2, 1, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("payloads[1]");
      assertThatThrownBy(() -> SnippetTensor.fromRgb(manager, new byte[0], 0, 1, 2))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t=0");
    }
  }
}
