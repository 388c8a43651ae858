package dev.lofi.model.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTest {

  @Test
  void bestFirstAboveTheThresholdTiesByIndex() {
    float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, Float.NaN, 0.05f, 0.5f};
    assertThat(TopK.indicesAbove(scores, 0.08f, 4)).containsExactly(1, 3, 2, 6);
    assertThat(TopK.indicesAbove(scores, 0.08f, 100)).containsExactly(1, 3, 2, 6, 0);
    assertThat(TopK.indicesAbove(scores, 0.95f, 3)).isEmpty();
  }
}
