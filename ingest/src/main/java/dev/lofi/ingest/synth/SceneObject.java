package dev.lofi.ingest.synth;

import java.util.SplittableRandom;

/**
 * One object of a video's cast: its look, its idle behaviour and where it starts.
 *
 * @param homeX start (and, when wandering, home) position, scene units
 * @param speed scene units per second when drifting
 * @param heading drift direction, radians
 * @param seed the object's own random stream for idle motion
 */
record SceneObject(Look look, Idle idle, double homeX, double homeY, double speed, double heading, long seed) {

  /** Keeps the actor far enough from the edges for its widest motion to stay in the frame. */
  private static final double ACTOR_MARGIN = 0.42;
  private static final double DISTRACTOR_MARGIN = 0.12;

  /** The same object looking {@code other}. */
  SceneObject looking(Look other) {
    return new SceneObject(other, idle, homeX, homeY, speed, heading, seed);
  }

  /** The object that performs the actions: a wanderer near the middle. */
  static SceneObject actor(double aspect, SplittableRandom random) {
    return new SceneObject(Look.draw(random), Idle.WANDER,
        random.nextDouble(ACTOR_MARGIN, aspect - ACTOR_MARGIN), random.nextDouble(0.45, 0.62),
        0, 0, random.nextLong());
  }

  /** A look-alike placed anywhere, idling in any of the ways. */
  static SceneObject distractor(double aspect, SplittableRandom random) {
    Idle idle = Idle.values()[random.nextInt(Idle.values().length)];
    return new SceneObject(Look.draw(random), idle,
        random.nextDouble(DISTRACTOR_MARGIN, aspect - DISTRACTOR_MARGIN),
        random.nextDouble(DISTRACTOR_MARGIN, 1 - DISTRACTOR_MARGIN),
        idle == Idle.DRIFT ? random.nextDouble(0.02, 0.07) : 0, random.nextDouble(2 * Math.PI), random.nextLong());
  }
}
