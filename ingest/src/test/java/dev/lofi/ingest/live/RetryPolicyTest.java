package dev.lofi.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void delaysDoubleFromHalfASecondUpToThirtySeconds() {
    RetryPolicy policy = RetryPolicy.withMaxRetries(RetryPolicy.UNLIMITED);
    assertThat(IntStream.of(1, 2, 3, 4, 7, 8, 100, Integer.MAX_VALUE).mapToObj(policy::delayBefore))
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  @Test
  void retriesStopAtTheMaximumUnlessUnlimited() {
    RetryPolicy two = RetryPolicy.withMaxRetries(2);
    assertThat(two.allows(2)).isTrue();
    assertThat(two.allows(3)).isFalse();
    assertThat(RetryPolicy.withMaxRetries(0).allows(1)).isFalse();
    assertThat(RetryPolicy.withMaxRetries(RetryPolicy.UNLIMITED).allows(1_000_000)).isTrue();
  }

  @Test
  void liveSourcesAreRetriedForEverAndFilesNotAtAll() {
    assertThat(RetryPolicy.defaultFor(new LiveSource("rtsp://cam/1")).maxRetries()).isEqualTo(RetryPolicy.UNLIMITED);
    assertThat(RetryPolicy.defaultFor(new LiveSource("/dev/video0")).maxRetries()).isEqualTo(RetryPolicy.UNLIMITED);
    assertThat(RetryPolicy.defaultFor(new LiveSource("clip.mp4")).maxRetries()).isZero();
  }

  @Test
  void badSettingsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> RetryPolicy.withMaxRetries(-2)).hasMessageContaining("got -2");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("first retry delay must be positive, got PT0S");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("got PT1S");
  }
}
