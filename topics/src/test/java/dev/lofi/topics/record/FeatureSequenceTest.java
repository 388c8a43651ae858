package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureSequenceTest {

  @Test
  void valuesMustFillTheShape() {
    assertThatThrownBy(() -> new FeatureSequence("v", "m1", 10, 2, 3, new float[5]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3 = 6 floats, got 5");
  }

  @Test
  void aNonFiniteValueIsRefusedWithItsPosition() {
    float[] values = new float[6];
    values[4] = Float.NaN;

    assertThatThrownBy(() -> new FeatureSequence("v", "m1", 10, 2, 3, values))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values[4] (snippet 1, feature 1)");
  }

  @Test
  void theShapeAndDurationAreChecked() {
    assertThatThrownBy(() -> new FeatureSequence("v", "m1", 10, 0, 3, new float[0]))
        .hasMessageContaining("snippetCount");
    assertThatThrownBy(() -> new FeatureSequence("v", "m1", 10, 1, 0, new float[0])).hasMessageContaining("dim");
    assertThatThrownBy(() -> new FeatureSequence("v", "m1", 0, 1, 1, new float[1]))
        .hasMessageContaining("durationSeconds");
    assertThatThrownBy(() -> FeatureSequence.valueCount(65_536, 65_536)).hasMessageContaining("largest array");
  }

  @Test
  void equalityComparesValuesAndToStringOmitsThem() {
    FeatureSequence a = new FeatureSequence("v", "m1", 10, 1, 2, new float[] {1, 2});

    assertThat(a).isEqualTo(new FeatureSequence("v", "m1", 10, 1, 2, new float[] {1, 2}))
        .hasSameHashCodeAs(new FeatureSequence("v", "m1", 10, 1, 2, new float[] {1, 2}))
        .isNotEqualTo(new FeatureSequence("v", "m1", 10, 1, 2, new float[] {1, 3}));
    assertThat(a.toString()).contains("shape=1x2").doesNotContain("1.0, 2.0");
  }
}
