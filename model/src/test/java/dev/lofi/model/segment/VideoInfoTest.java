package dev.lofi.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VideoInfoTest {

  @Test
  void positionsAreCellCentres() {
    VideoInfo v = new VideoInfo(20, 8);               // 2.5 s per snippet
    assertThat(v.secondsPerSnippet()).isEqualTo(2.5);
    assertThat(v.toSeconds(0)).isEqualTo(1.25);        // centre of [0, 2.5)
    assertThat(v.toSeconds(-0.5)).isZero();            // the video's start
    assertThat(v.toSeconds(7.5)).isEqualTo(20);        // its end
    assertThat(v.toPosition(11.25)).isCloseTo(4, within(1e-12));
    assertThat(v.clip(-1)).isZero();
    assertThat(v.clip(21)).isEqualTo(20);
  }

  @Test
  void rejectsEmptyVideos() {
    assertThatThrownBy(() -> new VideoInfo(0, 8)).hasMessageContaining("duration");
    assertThatThrownBy(() -> new VideoInfo(10, 0)).hasMessageContaining("snippets");
  }
}
