package dev.lofi.model.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointPyramidTest {

  @Test
  void oddLengthsRoundUpAtEveryLevel() {
    PointPyramid p = new PointPyramid(13, 4);       // 13 -> 7 -> 4 -> 2
    assertThat(p.size()).isEqualTo(26).isEqualTo(PointPyramid.size(13, 4));
    assertThat(p.levelStart(1)).isEqualTo(13);
    assertThat(p.levelStart(2)).isEqualTo(20);
    assertThat(p.levelStart(3)).isEqualTo(24);
    assertThat(p.position(13 + 6)).isEqualTo(12);   // level 1, j = 6: 6 * 2
    assertThat(p.stride(24)).isEqualTo(8);
    assertThat(p.position(25)).isEqualTo(8);        // level 3, j = 1
    assertThat(new PointPyramid(1, 4).size()).isEqualTo(4);
  }

  @Test
  void actionFormerRegressionRanges() {
    double[][] r = PointPyramid.defaultRanges(4);
    assertThat(r[0]).containsExactly(0, 4);
    assertThat(r[1]).containsExactly(4, 8);
    assertThat(r[2]).containsExactly(8, 16);
    assertThat(r[3]).containsExactly(16, Double.POSITIVE_INFINITY);
    assertThat(PointPyramid.defaultRanges(1)[0]).containsExactly(0, Double.POSITIVE_INFINITY);
  }

  @Test
  void rejectsBadLevels() {
    assertThatThrownBy(() -> new PointPyramid(8, 0)).hasMessageContaining("levels");
    assertThatThrownBy(() -> new PointPyramid(0, 2)).hasMessageContaining("snippets");
  }
}
