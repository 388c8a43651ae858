package dev.lofi.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MediaTimelineTest {

  private static final double FPS = 10;

  @Test
  void aFilesRepeatsFollowOneAnother() {
    MediaTimeline timeline = new MediaTimeline(8);
    timeline.begin(0, FPS);
    timeline.place(0.0);
    timeline.place(0.9);

    timeline.repeat(1.0);
    MediaTimeline.Point first = timeline.place(0.0);
    timeline.place(0.9);
    timeline.repeat(1.0);

    assertThat(first.seconds()).isCloseTo(1.0, within(1e-9));
    assertThat(first.jumped()).isFalse();
    assertThat(timeline.place(0.5).seconds()).isCloseTo(2.5, within(1e-9));
    assertThat(timeline.end()).isCloseTo(2.6, within(1e-9));
  }

  @Test
  void aReconnectStartsAtTheWallClockTimeSoTheOutageShows() {
    MediaTimeline timeline = new MediaTimeline(8);
    timeline.begin(0, FPS);
    timeline.place(0.0);
    timeline.place(1.0);

    timeline.begin(7.5, FPS);

    assertThat(timeline.place(0.0).seconds()).isCloseTo(7.5, within(1e-9));
    assertThat(timeline.place(0.1).seconds()).isCloseTo(7.6, within(1e-9));
  }

  @Test
  void aReconnectNeverGoesBackBeforeFramesAlreadyPlaced() {
    // The source's clock ran ahead of the wall's: 3 s of frames in 1 s.
    MediaTimeline timeline = new MediaTimeline(8);
    timeline.begin(0, FPS);
    timeline.place(3.0);

    timeline.begin(1.0, FPS);

    assertThat(timeline.place(0.0).seconds()).isCloseTo(3.1, within(1e-9));
  }

  @Test
  void aClockGoingBackGoesOnOneFrameLaterAsAJump() {
    MediaTimeline timeline = new MediaTimeline(8);
    timeline.begin(0, FPS);
    timeline.place(5.0);

    MediaTimeline.Point back = timeline.place(0.2);

    assertThat(back.jumped()).isTrue();
    assertThat(back.seconds()).isCloseTo(5.1, within(1e-9));
    MediaTimeline.Point next = timeline.place(0.3);
    assertThat(next.seconds()).isCloseTo(5.2, within(1e-9));
    assertThat(next.jumped()).isFalse();
  }

  @Test
  void aSilenceLongerThanTheGapLimitIsAJumpThatKeepsItsTime() {
    MediaTimeline timeline = new MediaTimeline(8);
    timeline.begin(0, FPS);
    timeline.place(1.0);

    assertThat(timeline.place(1.8).jumped()).isFalse();
    MediaTimeline.Point late = timeline.place(2.7);
    assertThat(late.jumped()).isTrue();
    assertThat(late.seconds()).isCloseTo(2.7, within(1e-9));
  }

  @Test
  void aStreamWithoutFramesEndsAtZero() {
    assertThat(new MediaTimeline(8).end()).isZero();
  }
}
