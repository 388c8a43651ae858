package dev.lofi.localizer.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.localizer.tracking.ActionEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTracksTest {

  private static final double MERGE_TIOU = 0.3;
  private static final long EPOCH_MILLIS = 1_700_000_000_000L;

  private final ActionTracks tracks = new ActionTracks();
  private final List<ActionEvent> events = new ArrayList<>();

  /** A run over a 12 s window ending at {@code end} whose last 4 s are new; wall clock = media time. */
  private List<ActionEvent> run(double end, String model, WindowDetection... detections) {
    WindowRun run = new WindowRun(Math.max(0, end - 12), end - 4, List.of(detections), model,
        EPOCH_MILLIS + (long) (end * 1000), time -> EPOCH_MILLIS + Math.round(time * 1000));
    List<ActionEvent> decided = tracks.merge(run, MERGE_TIOU);
    events.addAll(decided);
    return decided;
  }

  private static WindowDetection wave(double start, double end, double score) {
    return new WindowDetection("wave", start, end, score, false);
  }

  @Test
  void anActionSeenByOverlappingWindowsIsOpenedOnceAndClosedOnceWithTheNewestBoundaries() {
    run(8, "m@1", wave(5, 7.9, 0.6));
    run(12, "m@1", wave(5.2, 9.0, 0.8));
    run(16, "m@1", wave(5.1, 9.1, 0.7));
    run(20, "m@1");

    assertThat(events).extracting(ActionEvent::kind).containsExactly(Kind.OPENED, Kind.CLOSED);
    TrackedAction closed = events.get(1).action();
    assertThat(closed.start()).isEqualTo(5.1);
    assertThat(closed.end()).isEqualTo(9.1);
    assertThat(closed.score()).isEqualTo(0.8);
    assertThat(closed.startWallMillis()).isEqualTo(EPOCH_MILLIS + 5100);
    assertThat(closed.endWallMillis()).isEqualTo(EPOCH_MILLIS + 9100);
    assertThat(events.get(1).decidedByCaptureMillis()).isEqualTo(EPOCH_MILLIS + 16_000);
  }

  @Test
  void anActionIsClosedByTheFirstRunWhoseNewSnippetsDoNotExtendIt() {
    assertThat(run(12, "m@1", wave(5, 7.5, 0.8))).extracting(ActionEvent::kind)
        .containsExactly(Kind.OPENED, Kind.CLOSED);
    assertThat(events.get(1).decidedByCaptureMillis()).isEqualTo(EPOCH_MILLIS + 12_000);
  }

  @Test
  void anActionGoingOnStaysOpenWhileItReachesTheNewestSnippets() {
    run(8, "m@1", wave(5, 8, 0.5));
    run(12, "m@1", wave(5, 12, 0.6));
    assertThat(run(16, "m@1", wave(5.5, 16, 0.7))).isEmpty();
    assertThat(tracks.open()).singleElement().satisfies(action -> assertThat(action.end()).isEqualTo(16));

    assertThat(run(20, "m@1", wave(5.5, 14.5, 0.9))).extracting(ActionEvent::kind).containsExactly(Kind.CLOSED);
    assertThat(events).extracting(ActionEvent::kind).containsExactly(Kind.OPENED, Kind.CLOSED);
  }

  @Test
  void aClosedActionSeenAgainByLaterWindowsIsNotOpenedAgain() {
    run(12, "m@1", wave(5, 9, 0.8));
    run(16, "m@1", wave(5.3, 9.4, 0.9));
    run(20, "m@1", wave(8, 9.5, 0.9));

    assertThat(events).extracting(ActionEvent::kind).containsExactly(Kind.OPENED, Kind.CLOSED);
    assertThat(tracks.open()).isEmpty();
  }

  @Test
  void aClosedActionIsForgottenOnceItHasLeftTheWindow() {
    run(12, "m@1", wave(5, 7.5, 0.8));
    assertThat(tracks.closed()).hasSize(1);
    run(24, "m@1");
    assertThat(tracks.closed()).isEmpty();
  }

  @Test
  void detectionsOfAnotherLabelOrOverlappingTooLittleAreActionsOfTheirOwn() {
    run(8, "m@1", wave(4, 8, 0.6), new WindowDetection("spin", 4, 8, 0.5, false), wave(7.2, 8, 0.4));

    assertThat(events).extracting(ActionEvent::kind).containsOnly(Kind.OPENED).hasSize(3);
    assertThat(tracks.open()).extracting(TrackedAction::label).containsExactly("wave", "spin", "wave");
  }

  @Test
  void theBestDetectionOfARunSetsTheBoundariesAndWeakerDuplicatesChangeNothing() {
    run(8, "m@1", wave(4, 8, 0.6));
    run(12, "m@1", wave(4.5, 12, 0.7), wave(4, 11, 0.65));

    assertThat(tracks.open()).singleElement().satisfies(action -> {
      assertThat(action.start()).isEqualTo(4.5);
      assertThat(action.end()).isEqualTo(12);
    });
  }

  @Test
  void aStartTheWindowHasSlidPastKeepsTheEstimateMadeWhileItWasInView() {
    run(12, "m@1", wave(3, 12, 0.6));
    run(16, "m@1", new WindowDetection("wave", 4, 16, 0.7, true));

    assertThat(tracks.open()).singleElement().satisfies(action -> {
      assertThat(action.start()).isEqualTo(3);
      assertThat(action.startWallMillis()).isEqualTo(EPOCH_MILLIS + 3000);
      assertThat(action.end()).isEqualTo(16);
    });
  }

  @Test
  void theScoreIsTheBestAnyWindowGaveAndTheModelTheOneThatSetTheBoundaries() {
    run(8, "m@1", wave(4, 8, 0.9));
    run(12, "m@2", wave(4.2, 7.5, 0.5));

    TrackedAction closed = events.get(1).action();
    assertThat(closed.score()).isEqualTo(0.9);
    assertThat(closed.model()).isEqualTo("m@2");
  }

  @Test
  void closingAllClosesEveryOpenActionOnceAndForgetsTheClosedOnes() {
    run(8, "m@1", wave(2, 8, 0.6), new WindowDetection("spin", 1, 8, 0.5, false));
    run(12, "m@1", wave(2, 12, 0.6));

    List<ActionEvent> flushed = tracks.closeAll(EPOCH_MILLIS + 13_000);

    assertThat(flushed).extracting(ActionEvent::kind).containsExactly(Kind.CLOSED);
    assertThat(flushed.get(0).action().end()).isEqualTo(12);
    assertThat(flushed.get(0).decidedByCaptureMillis()).isEqualTo(EPOCH_MILLIS + 13_000);
    assertThat(tracks.open()).isEmpty();
    assertThat(tracks.closed()).isEmpty();
    assertThat(tracks.closeAll(EPOCH_MILLIS + 14_000)).isEmpty();
  }
}
