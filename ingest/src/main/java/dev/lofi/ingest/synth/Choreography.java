package dev.lofi.ingest.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Works out every object's pose in every frame: its performances where it has them, its idle
 * behaviour in between, each picking up where the other left off so that no pose jumps.
 */
final class Choreography {

  /** Wandering: pull towards home, damping, and random push (velocity noise), per second. */
  private static final double PULL = 0.8;
  private static final double DAMPING = 1.6;
  private static final double PUSH = 0.08;
  /** Seconds for a grown or shrunk object to relax (1/e of the way) back to its own size. */
  private static final double SCALE_RELAX_SECONDS = 1.5;
  private static final double WOBBLE_RELAX_SECONDS = 0.8;
  private static final double WOBBLE_PUSH = 0.06;
  /** Drifters turn back this far from the frame's edges. */
  private static final double DRIFT_MARGIN = 0.08;

  private Choreography() {}

  /** The tracks of a plan's cast, in cast order. */
  static List<ObjectTrack> tracks(VideoPlan plan) {
    List<ObjectTrack> tracks = new ArrayList<>();
    for (int i = 0; i < plan.cast().size(); i++) {
      int object = i;
      List<Performance> own = plan.performances().stream().filter(act -> act.object() == object).toList();
      tracks.add(new Body(plan.cast().get(i), plan.preset()).track(own, plan.frames()));
    }
    return tracks;
  }

  /** One object's state as it moves from frame to frame. */
  private static final class Body {
    private final SceneObject object;
    private final SynthPreset preset;
    private final double dt;
    private final SplittableRandom random;
    private double x;
    private double y;
    private double vx;
    private double vy;
    private double scale = 1;
    private double restAngle;
    private double wobble;

    Body(SceneObject object, SynthPreset preset) {
      this.object = object;
      this.preset = preset;
      this.dt = 1 / preset.fps();
      this.random = new SplittableRandom(object.seed());
      this.x = object.homeX();
      this.y = object.homeY();
      this.vx = object.speed() * Math.cos(object.heading());
      this.vy = object.speed() * Math.sin(object.heading());
      this.restAngle = object.look().angle();
    }

    ObjectTrack track(List<Performance> performances, int frames) {
      ObjectTrack track = new ObjectTrack(frames);
      int next = 0;
      int frame = 0;
      while (frame < frames) {
        if (next < performances.size() && performances.get(next).startFrame() == frame) {
          Performance act = performances.get(next++);
          perform(act, track);
          frame = act.endFrame();
        } else {
          track.set(frame++, pose());
          idle();
        }
      }
      return track;
    }

    private Pose pose() {
      return new Pose(x, y, scale, restAngle + wobble);
    }

    private void perform(Performance act, ObjectTrack track) {
      Pose anchor = pose();
      // Travelling motions head for the middle, so that they stay in the frame.
      int direction = act.action().travels() ? (x < preset.aspect() / 2 ? 1 : -1) : act.direction();
      for (int frame = act.startFrame(); frame < act.endFrame(); frame++) {
        track.set(frame, act.action().at(anchor, act, act.cyclesAt(frame), direction));
      }
      Pose end = act.action().at(anchor, act, act.cycles(), direction);
      x = end.x();
      y = end.y();
      scale = end.scale();
      restAngle = end.angle();
      wobble = 0;
      if (object.idle() == Idle.WANDER) {
        vx = 0;
        vy = 0;
      }
    }

    private void idle() {
      scale += (1 - scale) * dt / SCALE_RELAX_SECONDS;
      switch (object.idle()) {
        case STILL -> { }
        case WANDER -> wander();
        case DRIFT -> drift();
      }
    }

    private void wander() {
      double kick = PUSH * Math.sqrt(dt);
      vx += (-PULL * (x - object.homeX()) - DAMPING * vx) * dt + kick * random.nextGaussian();
      vy += (-PULL * (y - object.homeY()) - DAMPING * vy) * dt + kick * random.nextGaussian();
      x += vx * dt;
      y += vy * dt;
      wobble += -wobble * dt / WOBBLE_RELAX_SECONDS + WOBBLE_PUSH * Math.sqrt(dt) * random.nextGaussian();
    }

    private void drift() {
      x += vx * dt;
      y += vy * dt;
      if (x < DRIFT_MARGIN || x > preset.aspect() - DRIFT_MARGIN) {
        vx = x < DRIFT_MARGIN ? Math.abs(vx) : -Math.abs(vx);
      }
      if (y < DRIFT_MARGIN || y > 1 - DRIFT_MARGIN) {
        vy = y < DRIFT_MARGIN ? Math.abs(vy) : -Math.abs(vy);
      }
    }
  }
}
