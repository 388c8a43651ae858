package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActionClassTest {

  private static final Pose ANCHOR = new Pose(0.6, 0.5, 1.2, 0.3);
  private static final double EPS = 1e-9;

  private static Performance act(ActionClass action, double cycles, double amplitude, double phase) {
    return new Performance(0, action, 0, 60, cycles, amplitude, 1, phase, cycles >= action.minCycles());
  }

  private static Pose at(ActionClass action, Performance act, double cycles) {
    return action.at(ANCHOR, act, cycles, act.direction());
  }

  @ParameterizedTest
  @EnumSource(ActionClass.class)
  void everyMotionStartsFromItsAnchorSoNoPoseJumps(ActionClass action) {
    Pose start = at(action, act(action, 3, 0.2, 0.3), 0);
    assertThat(start.x()).isCloseTo(ANCHOR.x(), within(EPS));
    assertThat(start.y()).isCloseTo(ANCHOR.y(), within(EPS));
    assertThat(start.scale()).isCloseTo(ANCHOR.scale(), within(EPS));
    assertThat(start.angle()).isCloseTo(ANCHOR.angle(), within(EPS));
  }

  @ParameterizedTest
  @EnumSource(ActionClass.class)
  void labelsRoundTrip(ActionClass action) {
    assertThat(ActionClass.ofLabel(action.label())).isEqualTo(action);
  }

  @Test
  void unknownLabelsAreRefusedByName() {
    assertThatThrownBy(() -> ActionClass.ofLabel("jump")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'jump'");
  }

  @Test
  void shuttleMovesOnlySidewaysAtConstantSpeedAndComesBackEachHalfCycle() {
    Performance shuttle = act(ActionClass.SHUTTLE, 1.5, 0.2, 0);
    assertThat(at(ActionClass.SHUTTLE, shuttle, 0.25).x()).isCloseTo(ANCHOR.x() + 0.2, within(EPS));
    assertThat(at(ActionClass.SHUTTLE, shuttle, 0.5).x()).isCloseTo(ANCHOR.x(), within(EPS));
    assertThat(at(ActionClass.SHUTTLE, shuttle, 0.75).x()).isCloseTo(ANCHOR.x() - 0.2, within(EPS));
    double step = at(ActionClass.SHUTTLE, shuttle, 0.1).x() - at(ActionClass.SHUTTLE, shuttle, 0.05).x();
    assertThat(at(ActionClass.SHUTTLE, shuttle, 0.2).x() - at(ActionClass.SHUTTLE, shuttle, 0.15).x())
        .isCloseTo(step, within(EPS));
    assertThat(at(ActionClass.SHUTTLE, shuttle, 0.6).y()).isEqualTo(ANCHOR.y());
  }

  @Test
  void orbitKeepsOneDistanceFromItsCentreAndClosesAfterACycle() {
    Performance orbit = act(ActionClass.ORBIT, 2, 0.15, 0.3);
    double[] distances = new double[20];
    Pose first = at(ActionClass.ORBIT, orbit, 0);
    Pose half = at(ActionClass.ORBIT, orbit, 0.5);
    double centreX = (first.x() + half.x()) / 2;
    double centreY = (first.y() + half.y()) / 2;
    for (int i = 0; i < distances.length; i++) {
      Pose pose = at(ActionClass.ORBIT, orbit, i / 13.0);
      distances[i] = Math.hypot(pose.x() - centreX, pose.y() - centreY);
    }
    assertThat(distances).containsOnly(new double[] {0.15}, within(1e-6));
    assertThat(at(ActionClass.ORBIT, orbit, 1).x()).isCloseTo(ANCHOR.x(), within(EPS));
  }

  @Test
  void bounceFallsWithConstantAccelerationAndLandsEveryCycle() {
    Performance bounce = act(ActionClass.BOUNCE, 3, 0.2, 0);
    double h = 0.01;
    double[] cycles = {0.1, 0.3, 0.5, 0.8, 1.4, 2.6};
    double[] accelerations = new double[cycles.length];
    for (int i = 0; i < cycles.length; i++) {
      double c = cycles[i];
      accelerations[i] = (at(ActionClass.BOUNCE, bounce, c + h).y() - 2 * at(ActionClass.BOUNCE, bounce, c).y()
          + at(ActionClass.BOUNCE, bounce, c - h).y()) / (h * h);
    }
    assertThat(accelerations).containsOnly(new double[] {8 * 0.2}, within(1e-6));
    assertThat(at(ActionClass.BOUNCE, bounce, 1).y()).isCloseTo(ANCHOR.y(), within(EPS));
    assertThat(at(ActionClass.BOUNCE, bounce, 0.5).y()).isCloseTo(ANCHOR.y() - 0.2, within(EPS));
  }

  @Test
  void zigzagTravelsItsAmplitudeSidewaysOverTheWholeActionWhileGoingUpAndDown() {
    Performance zigzag = act(ActionClass.ZIGZAG, 4, 0.3, 0.2);
    assertThat(at(ActionClass.ZIGZAG, zigzag, 4).x()).isCloseTo(ANCHOR.x() + 0.3, within(EPS));
    assertThat(at(ActionClass.ZIGZAG, zigzag, 2).x()).isCloseTo(ANCHOR.x() + 0.15, within(EPS));
    assertThat(at(ActionClass.ZIGZAG, zigzag, 1.25).y()).isCloseTo(ANCHOR.y() + 0.09, within(EPS));
    assertThat(at(ActionClass.ZIGZAG, zigzag, 1.75).y()).isCloseTo(ANCHOR.y() - 0.09, within(EPS));
  }

  @Test
  void spinTurnsInPlaceOnceACycle() {
    Performance spin = act(ActionClass.SPIN, 2, 0, 0);
    Pose quarter = at(ActionClass.SPIN, spin, 0.25);
    assertThat(quarter.angle()).isCloseTo(ANCHOR.angle() + Math.PI / 2, within(EPS));
    assertThat(Arrays.asList(quarter.x(), quarter.y(), quarter.scale()))
        .containsExactly(ANCHOR.x(), ANCHOR.y(), ANCHOR.scale());
  }

  @Test
  void pulseGrowsAndShrinksBackToItsSizeInPlaceEachCycle() {
    Performance pulse = act(ActionClass.PULSE, 2, 0.5, 0);
    assertThat(at(ActionClass.PULSE, pulse, 0.5).scale()).isCloseTo(ANCHOR.scale() * 1.5, within(EPS));
    assertThat(at(ActionClass.PULSE, pulse, 1).scale()).isCloseTo(ANCHOR.scale(), within(EPS));
    assertThat(at(ActionClass.PULSE, pulse, 0.7).x()).isEqualTo(ANCHOR.x());
  }

  @Test
  void approachGrowsAtAConstantRateWithoutMoving() {
    Performance approach = act(ActionClass.APPROACH, 1, 1.0, 0);
    double[] scales = {0, 0.25, 0.5, 0.75, 1};
    for (int i = 0; i < scales.length; i++) {
      scales[i] = at(ActionClass.APPROACH, approach, scales[i]).scale();
    }
    assertThat(scales).containsExactly(new double[] {1.2, 1.5, 1.8, 2.1, 2.4}, within(EPS));
    assertThat(at(ActionClass.APPROACH, approach, 0.5).x()).isEqualTo(ANCHOR.x());
  }

  @Test
  void nearMissesOfEveryClassFallShortOfTheCyclesAndTheLengthOfAnAction() {
    SplittableRandom random = new SplittableRandom(7);
    Set<ActionClass> seen = EnumSet.noneOf(ActionClass.class);
    for (int i = 0; i < 200; i++) {
      Performance nearMiss = Performance.nearMiss(0, 15, random);
      seen.add(nearMiss.action());
      assertThat(nearMiss.annotated()).isFalse();
      assertThat(nearMiss.cycles()).isLessThanOrEqualTo(nearMiss.action().minCycles() / 2);
      assertThat(nearMiss.frames() / 15.0).isLessThan(Performance.MIN_ACTION_SECONDS);
    }
    assertThat(seen).containsExactlyInAnyOrder(ActionClass.values());
  }

  @Test
  void aPerformanceIsAnnotatedExactlyWhenItRunsTheCyclesAnActionNeeds() {
    assertThatThrownBy(() -> new Performance(0, ActionClass.ORBIT, 0, 30, 0.5, 0.1, 1, 0, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.5 cycles");
    assertThatThrownBy(() -> new Performance(0, ActionClass.ORBIT, 0, 30, 1.5, 0.1, 1, 0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("near-miss");
  }
}
