package dev.lofi.ingest.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeSpanTest {

  @Test
  void aSpanMayStartAtZero() {
    assertThat(new TimeSpan(0, 0.5)).isEqualTo(new TimeSpan(0.0, 0.5));
  }

  @Test
  void aNegativeStartIsRefusedNamingIt() {
    assertThatThrownBy(() -> new TimeSpan(-1, 2)).hasMessage("start -1.0 is negative");
  }

  @Test
  void anEndNotAfterTheStartIsRefusedNamingBoth() {
    assertThatThrownBy(() -> new TimeSpan(5, 5)).hasMessage("end 5.0 is not after start 5.0");
  }

  @Test
  void nonFiniteTimesAreRefused() {
    assertThatThrownBy(() -> new TimeSpan(Double.NaN, 2)).hasMessage("start NaN is not finite");
    assertThatThrownBy(() -> new TimeSpan(1, Double.POSITIVE_INFINITY)).hasMessage("end Infinity is not finite");
  }
}
