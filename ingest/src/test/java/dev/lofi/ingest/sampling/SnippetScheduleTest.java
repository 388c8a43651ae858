package dev.lofi.ingest.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.topics.fidelity.Fidelity;
import org.junit.jupiter.api.Test;

class SnippetScheduleTest {

  private static final Fidelity FOUR_BY_THREE = new Fidelity("x", 4, 8, 3, 2);

  @Test
  void cellsSplitTheDurationEvenly() {
    SnippetSchedule schedule = new SnippetSchedule(FOUR_BY_THREE, 8.0, 7.9, 10);
    for (int i = 0; i < 4; i++) {
      assertThat(schedule.cellStart(i)).isCloseTo(2.0 * i, within(1e-9));
      assertThat(schedule.cellEnd(i)).isCloseTo(2.0 * i + 2, within(1e-9));
    }
  }

  @Test
  void framesAreCentredOnTheirCellStrideFramesApart() {
    SnippetSchedule schedule = new SnippetSchedule(FOUR_BY_THREE, 8.0, 7.9, 10);
    // Cell 1 is [2, 4): centre 3 s; stride 2 frames at 10 fps = 0.2 s.
    assertThat(schedule.frameTime(1, 0)).isCloseTo(2.8, within(1e-9));
    assertThat(schedule.frameTime(1, 1)).isCloseTo(3.0, within(1e-9));
    assertThat(schedule.frameTime(1, 2)).isCloseTo(3.2, within(1e-9));
  }

  @Test
  void framesNeverFallBeforeTheStartOrAfterTheLastFrame() {
    Fidelity longSnippets = new Fidelity("x", 2, 8, 8, 8);
    SnippetSchedule schedule = new SnippetSchedule(longSnippets, 2.0, 1.9, 10);
    assertThat(schedule.frameTime(0, 0)).isZero();
    assertThat(schedule.frameTime(1, 7)).isEqualTo(1.9);
  }
}
