package dev.lofi.ingest.synth;

import java.util.SplittableRandom;

/**
 * One object running one motion over frames {@code [startFrame, endFrame)}: an annotated action, or
 * a near-miss (the same motion cut short, fewer cycles than an action needs, not annotated).
 *
 * @param object index of the performing object in its video's cast
 * @param cycles motion cycles run over the whole performance
 * @param amplitude the motion's extent in scene units (or scale gain for PULSE and APPROACH)
 * @param direction +1 or -1
 * @param phase in [0, 1): where on its path the motion starts (ORBIT) or which way it turns first (ZIGZAG)
 */
record Performance(int object, ActionClass action, int startFrame, int endFrame, double cycles,
    double amplitude, int direction, double phase, boolean annotated) {

  /** Shortest and longest annotated action, seconds. */
  static final double MIN_ACTION_SECONDS = 1.5;
  static final double MAX_ACTION_SECONDS = 8.0;
  /** Longest near-miss, seconds: shorter than any action. */
  static final double MAX_NEAR_MISS_SECONDS = 1.2;

  Performance {
    if (object < 0) {
      throw new IllegalArgumentException("object must be >= 0, got " + object);
    }
    if (startFrame < 0 || endFrame <= startFrame) {
      throw new IllegalArgumentException("frames must satisfy 0 <= start < end, got [" + startFrame + ", " + endFrame + ")");
    }
    if (direction != 1 && direction != -1) {
      throw new IllegalArgumentException("direction must be +1 or -1, got " + direction);
    }
    if (annotated != cycles >= action.minCycles()) {
      throw new IllegalArgumentException((annotated ? "action" : "near-miss") + " of " + action.label()
          + " with " + cycles + " cycles: actions need >= " + action.minCycles());
    }
  }

  /**
   * An annotated action of {@code frames} frames; its cycles are as many periods of the class's
   * range as fit, rounded to the class's quantum and at least its minimum.
   */
  static Performance action(int object, ActionClass action, int startFrame, int frames, double fps,
      SplittableRandom random) {
    double seconds = frames / fps;
    double cycles = seconds / between(action.minPeriod(), action.maxPeriod(), random);
    if (action.cycleQuantum() > 0) {
      cycles = Math.round(cycles / action.cycleQuantum()) * action.cycleQuantum();
    }
    return drawRest(object, action, startFrame, frames, Math.max(action.minCycles(), cycles), true, random);
  }

  /**
   * A near-miss of a random class by {@code object}, starting at frame 0: at most half the cycles an
   * action needs, at the speed of an action of its class, in at most 1.2 s.
   */
  static Performance nearMiss(int object, double fps, SplittableRandom random) {
    ActionClass action = ActionClass.values()[random.nextInt(ActionClass.values().length)];
    double half = action.minCycles() / 2;
    double cycles = action.cycleQuantum() > 0
        ? action.cycleQuantum() * Math.max(1, Math.floor(half / action.cycleQuantum()))
        : random.nextDouble(0.6 * half, half);
    double seconds = cycles * between(action.minPeriod(), action.maxPeriod(), random);
    int frames = Math.max(1, (int) Math.round(Math.min(seconds, MAX_NEAR_MISS_SECONDS) * fps));
    return drawRest(object, action, 0, frames, cycles, false, random);
  }

  /** This performance moved to start at {@code frame}. */
  Performance startingAt(int frame) {
    return new Performance(object, action, frame, frame + frames(), cycles, amplitude, direction, phase, annotated);
  }

  private static Performance drawRest(int object, ActionClass action, int startFrame, int frames,
      double cycles, boolean annotated, SplittableRandom random) {
    double amplitude = between(action.minAmplitude(), action.maxAmplitude(), random);
    return new Performance(object, action, startFrame, startFrame + frames, cycles, amplitude,
        random.nextBoolean() ? 1 : -1, random.nextDouble(), annotated);
  }

  /** Uniform in {@code [min, max)}, or {@code min} for a range of one value (APPROACH's period, SPIN's amplitude). */
  private static double between(double min, double max, SplittableRandom random) {
    return max > min ? random.nextDouble(min, max) : min;
  }

  int frames() {
    return endFrame - startFrame;
  }

  /** Cycles elapsed at a frame inside the performance. */
  double cyclesAt(int frame) {
    return cycles * (frame - startFrame) / frames();
  }

  boolean overlaps(Performance other) {
    return startFrame < other.endFrame && other.startFrame < endFrame;
  }
}
