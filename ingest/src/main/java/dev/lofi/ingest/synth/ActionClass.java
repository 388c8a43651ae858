package dev.lofi.ingest.synth;

import java.util.Locale;

/**
 * The SynthTAL action classes. Each is a motion over time of an object whose look is drawn
 * independently of the class, so one frame shows only a pose any class could produce; a few frames
 * show the motion. {@code cycles} elapsed is the motion's clock; an annotated action runs at least
 * {@link #minCycles()} of them, a near-miss fewer.
 */
public enum ActionClass {

  /** Sweeps to one side at constant speed, back through the start, to the other side and back. */
  SHUTTLE(1.5, 0.5, 0.8, 2.0, 0.12, 0.26) {
    @Override
    Pose at(Pose anchor, Performance act, double cycles, int direction) {
      return new Pose(anchor.x() + direction * act.amplitude() * triangle(cycles), anchor.y(),
          anchor.scale(), anchor.angle());
    }
  },

  /** Circles a centre one radius away from the start. */
  ORBIT(1.0, 0.0, 1.0, 2.4, 0.07, 0.16) {
    @Override
    Pose at(Pose anchor, Performance act, double cycles, int direction) {
      double start = 2 * Math.PI * act.phase();
      double now = start + direction * 2 * Math.PI * cycles;
      double radius = act.amplitude();
      return new Pose(anchor.x() + radius * (Math.cos(now) - Math.cos(start)),
          anchor.y() + radius * (Math.sin(now) - Math.sin(start)), anchor.scale(), anchor.angle());
    }
  },

  /** Hops up and falls back on parabolas (constant downward acceleration), drifting sideways. */
  BOUNCE(2.0, 1.0, 0.5, 1.0, 0.12, 0.26) {
    @Override
    Pose at(Pose anchor, Performance act, double cycles, int direction) {
      double hop = cycles - Math.floor(cycles);
      return new Pose(anchor.x() + direction * 0.03 * cycles,
          anchor.y() - act.amplitude() * 4 * hop * (1 - hop), anchor.scale(), anchor.angle());
    }
  },

  /** Travels sideways over the whole action while going up and down with sharp turns. */
  ZIGZAG(2.0, 0.5, 0.6, 1.4, 0.25, 0.40) {
    @Override
    Pose at(Pose anchor, Performance act, double cycles, int direction) {
      int vertical = act.phase() < 0.5 ? 1 : -1;
      return new Pose(anchor.x() + direction * act.amplitude() * Math.min(1, cycles / act.cycles()),
          anchor.y() + vertical * 0.3 * act.amplitude() * triangle(cycles), anchor.scale(), anchor.angle());
    }
  },

  /** Turns about its centre; the look is elongated and shaded along its length, so turning shows. */
  SPIN(1.25, 0.0, 0.8, 2.0, 0, 0) {
    @Override
    Pose at(Pose anchor, Performance act, double cycles, int direction) {
      return new Pose(anchor.x(), anchor.y(), anchor.scale(), anchor.angle() + direction * 2 * Math.PI * cycles);
    }
  },

  /** Grows and shrinks back, smoothly, in place. */
  PULSE(2.0, 1.0, 0.6, 1.6, 0.35, 0.8) {
    @Override
    Pose at(Pose anchor, Performance act, double cycles, int direction) {
      double swell = Math.sin(Math.PI * cycles);
      return new Pose(anchor.x(), anchor.y(), anchor.scale() * (1 + act.amplitude() * swell * swell),
          anchor.angle());
    }
  },

  /**
   * Grows steadily, as a thing coming towards the camera; one growth per action, so its period is
   * the longest action, and it shrinks back (unannotated) in the idle time after.
   */
  APPROACH(1.0, 0.0, 8.0, 8.0, 0.7, 1.4) {
    @Override
    Pose at(Pose anchor, Performance act, double cycles, int direction) {
      return new Pose(anchor.x(), anchor.y(), anchor.scale() * (1 + act.amplitude() * cycles), anchor.angle());
    }
  };

  private final double minCycles;
  private final double cycleQuantum;
  private final double minPeriod;
  private final double maxPeriod;
  private final double minAmplitude;
  private final double maxAmplitude;

  ActionClass(double minCycles, double cycleQuantum, double minPeriod, double maxPeriod,
      double minAmplitude, double maxAmplitude) {
    this.minCycles = minCycles;
    this.cycleQuantum = cycleQuantum;
    this.minPeriod = minPeriod;
    this.maxPeriod = maxPeriod;
    this.minAmplitude = minAmplitude;
    this.maxAmplitude = maxAmplitude;
  }

  /**
   * The pose after {@code cycles} of this motion started from {@code anchor}.
   *
   * @param direction +1 or -1: sense of turning, side of travel
   */
  abstract Pose at(Pose anchor, Performance act, double cycles, int direction);

  /** The label written in annotations. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class of a label. */
  public static ActionClass ofLabel(String label) {
    for (ActionClass action : values()) {
      if (action.label().equals(label)) {
        return action;
      }
    }
    throw new IllegalArgumentException("unknown SynthTAL label '" + label + "'");
  }

  /** Cycles an annotated action runs at least; near-misses run at most half of it. */
  public double minCycles() {
    return minCycles;
  }

  /** Cycles come in multiples of this (0: any), so that an action ends where the motion rests. */
  double cycleQuantum() {
    return cycleQuantum;
  }

  double minPeriod() {
    return minPeriod;
  }

  double maxPeriod() {
    return maxPeriod;
  }

  double minAmplitude() {
    return minAmplitude;
  }

  double maxAmplitude() {
    return maxAmplitude;
  }

  /** Whether the motion ends away from where it started sideways, so it should head for the middle. */
  boolean travels() {
    return this == ZIGZAG || this == BOUNCE;
  }

  /** 0 at 0, 1 at 1/4, 0 at 1/2, -1 at 3/4: constant speed with sharp turns. */
  private static double triangle(double cycles) {
    double phase = cycles - Math.floor(cycles);
    if (phase < 0.25) {
      return 4 * phase;
    }
    if (phase < 0.75) {
      return 2 - 4 * phase;
    }
    return 4 * phase - 4;
  }
}
