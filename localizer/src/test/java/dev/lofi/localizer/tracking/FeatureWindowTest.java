package dev.lofi.localizer.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureWindowTest {

  private static SnippetFeature snippet(int index, long captureMillis) {
    return new SnippetFeature(index, index, index + 1, captureMillis, new float[] {index, -index});
  }

  @Test
  void keepsTheNewestWindowOfSnippetsAndRemembersItHasSlid() {
    FeatureWindow window = new FeatureWindow();
    for (int index = 0; index < 5; index++) {
      window.append(snippet(index, 1000L * (index + 1)), "m@1", 3);
    }

    assertThat(window.features()).containsExactly(2, -2, 3, -3, 4, -4);
    assertThat(window.start()).isEqualTo(2.0);
    assertThat(window.end()).isEqualTo(5.0);
    assertThat(window.slid()).isTrue();
    assertThat(window.sinceHead()).isEqualTo(3);
    window.headRan();
    assertThat(window.unseenStart()).isEqualTo(5.0);
  }

  @Test
  void wallClockTimesFollowTheCaptureTimesOfARealTimeSource() {
    FeatureWindow window = new FeatureWindow();
    for (int index = 0; index < 3; index++) {
      window.append(snippet(index, 10_000L + 1000L * (index + 1)), "m@1", 8);
    }

    assertThat(window.wallMillisAt(0)).isEqualTo(10_000L);
    assertThat(window.wallMillisAt(1.25)).isEqualTo(11_250L);
    assertThat(window.wallMillisAt(3)).isEqualTo(13_000L);
  }

  @Test
  void wallClockTimesNeverRunBackwardsWhenAFileIsReadFasterThanRealTime() {
    FeatureWindow window = new FeatureWindow();
    for (int index = 0; index < 4; index++) {
      window.append(snippet(index, 10_000L + 5L * index), "m@1", 8);
    }

    long previous = Long.MIN_VALUE;
    for (double time = 0; time <= 4; time += 0.1) {
      long wall = window.wallMillisAt(time);
      assertThat(wall).isGreaterThanOrEqualTo(previous);
      previous = wall;
    }
    assertThat(window.wallMillisAt(4)).isEqualTo(10_015L);
  }

  @Test
  void refusesFeaturesOfAnotherEncoder() {
    FeatureWindow window = new FeatureWindow();
    window.append(snippet(0, 1000), "m@1", 4);

    assertThatThrownBy(() -> window.append(snippet(1, 2000), "m@2", 4)).hasMessageContaining("m@1")
        .hasMessageContaining("m@2");
  }
}
