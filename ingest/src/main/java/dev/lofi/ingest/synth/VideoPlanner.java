package dev.lofi.ingest.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Draws the plan of one video: cast, scenery, and a timeline of actions, idle gaps and near-misses. */
final class VideoPlanner {

  /** Idle time at least before the first action and after the last. */
  static final double EDGE_GAP_SECONDS = 0.5;
  /** Idle time at least between two actions. */
  private static final double GAP_SECONDS = 1.0;
  /** Near-misses keep this far from actions, so that they do not read as an action's ragged edge. */
  private static final double NEAR_MISS_CLEARANCE_SECONDS = 0.5;
  /** Chance of one more near-miss in an idle stretch, after each one placed. */
  private static final double NEAR_MISS_CHANCE = 0.6;
  /** A near-miss starts at most this long after the previous one, so that a long stretch can hold several. */
  private static final double NEAR_MISS_SPREAD_SECONDS = 4;
  private static final int MAX_ACTIONS = 4;
  private static final int MAX_DISTRACTORS = 3;

  private final SynthPreset preset;
  private final boolean legible;

  /** @param legible one class per video, worn as the actor's colour (see {@link SynthTalConfig#legible}) */
  VideoPlanner(SynthPreset preset, boolean legible) {
    this.preset = preset;
    this.legible = legible;
  }

  /**
   * An untrimmed video of 1 to 4 actions of classes dealt from {@code deck} (one class for all of
   * them when legible), with near-misses in the gaps.
   */
  VideoPlan untrimmed(String id, String subset, ClassDeck deck, SplittableRandom random) {
    int frames = preset.frames(random.nextDouble(preset.minVideoSeconds(), preset.maxVideoSeconds()));
    List<SceneObject> cast = new ArrayList<>();
    int actor = drawCast(cast, random);
    ActionClass videoClass = legible ? deck.next() : null;
    if (legible) {
      wearColours(cast, actor, videoClass);
    }
    int[] lengths = actionLengths(frames, random);
    int[] gaps = gaps(frames, lengths, random);
    List<Performance> performances = new ArrayList<>();
    int cursor = 0;
    for (int i = 0; i < lengths.length; i++) {
      addNearMisses(performances, cast.size(), cursor, cursor + gaps[i], random);
      cursor += gaps[i];
      ActionClass action = legible ? videoClass : deck.next();
      performances.add(Performance.action(actor, action, cursor, lengths[i], preset.fps(), random));
      cursor += lengths[i];
    }
    addNearMisses(performances, cast.size(), cursor, frames, random);
    performances.sort(Comparator.comparingInt(Performance::startFrame));
    return new VideoPlan(id, subset, preset, frames, cast, performances, Scenery.draw(random));
  }

  /** A trimmed clip: one whole action from first frame to last, or for {@code null} none. */
  VideoPlan trimmed(String id, ActionClass action, SplittableRandom random) {
    int frames = actionFrames(random);
    List<SceneObject> cast = new ArrayList<>();
    int actor = drawCast(cast, random);
    if (legible) {
      // A background clip's actor wears some class's colour too: colour alone must not say "no action".
      wearColours(cast, actor, action != null ? action
          : ActionClass.values()[random.nextInt(ActionClass.values().length)]);
    }
    List<Performance> performances = new ArrayList<>();
    if (action != null) {
      performances.add(Performance.action(actor, action, 0, frames, preset.fps(), random));
    } else {
      // Background clips carry near-misses too, so "no action" is not the same as "no motion".
      addNearMisses(performances, cast.size(), 0, frames, random);
    }
    return new VideoPlan(id, null, preset, frames, cast, performances, Scenery.draw(random));
  }

  /** Fills {@code cast} with the actor and 1 to 3 look-alikes in random drawing order; returns the actor's index. */
  private int drawCast(List<SceneObject> cast, SplittableRandom random) {
    int distractors = 1 + random.nextInt(MAX_DISTRACTORS);
    int actor = random.nextInt(distractors + 1);
    for (int i = 0; i <= distractors; i++) {
      cast.add(i == actor ? SceneObject.actor(preset.aspect(), random) : SceneObject.distractor(preset.aspect(), random));
    }
    return actor;
  }

  /** The actor in {@code action}'s colour, the others in grey. */
  private static void wearColours(List<SceneObject> cast, int actor, ActionClass action) {
    for (int i = 0; i < cast.size(); i++) {
      SceneObject object = cast.get(i);
      cast.set(i, object.looking(i == actor ? object.look().inColourOf(action) : object.look().inGrey()));
    }
  }

  private int actionFrames(SplittableRandom random) {
    return preset.frames(random.nextDouble(Performance.MIN_ACTION_SECONDS, Performance.MAX_ACTION_SECONDS));
  }

  /** 1 to 4 action lengths that fit {@code frames} with their gaps; fewer, or shorter, when they do not. */
  private int[] actionLengths(int frames, SplittableRandom random) {
    int count = 1 + random.nextInt(MAX_ACTIONS);
    int[] lengths = new int[count];
    for (int i = 0; i < count; i++) {
      lengths[i] = actionFrames(random);
    }
    while (count > 1 && sum(lengths, count) + minGaps(count) > frames) {
      count--;
    }
    int[] fitting = Arrays.copyOf(lengths, count);
    // A lone action longer than a short video is cut to fit it.
    fitting[0] = Math.min(fitting[0], frames - minGaps(1));
    return fitting;
  }

  /** Idle frames before each action, at least the minimum gaps, sharing out the slack at random. */
  private int[] gaps(int frames, int[] lengths, SplittableRandom random) {
    int count = lengths.length;
    int slack = frames - sum(lengths, count) - minGaps(count);
    double[] weights = new double[count + 1];
    double total = 0;
    for (int i = 0; i <= count; i++) {
      weights[i] = -Math.log(1 - random.nextDouble());
      total += weights[i];
    }
    int[] gaps = new int[count];
    for (int i = 0; i < count; i++) {
      gaps[i] = preset.frames(i == 0 ? EDGE_GAP_SECONDS : GAP_SECONDS) + (int) Math.floor(slack * weights[i] / total);
    }
    // The last weight's share is what stays idle after the last action.
    return gaps;
  }

  private int minGaps(int actions) {
    return 2 * preset.frames(EDGE_GAP_SECONDS) + (actions - 1) * preset.frames(GAP_SECONDS);
  }

  /** Near-misses by any object in the idle stretch {@code [from, to)}, clear of the actions around it. */
  private void addNearMisses(List<Performance> performances, int castSize, int from, int to, SplittableRandom random) {
    int clearance = preset.frames(NEAR_MISS_CLEARANCE_SECONDS);
    int cursor = from + clearance;
    while (random.nextDouble() < NEAR_MISS_CHANCE) {
      Performance nearMiss = Performance.nearMiss(random.nextInt(castSize), preset.fps(), random);
      int latest = to - clearance - nearMiss.frames();
      if (latest < cursor) {
        return;
      }
      int start = cursor + random.nextInt(Math.min(latest - cursor, preset.frames(NEAR_MISS_SPREAD_SECONDS)) + 1);
      performances.add(nearMiss.startingAt(start));
      cursor = start + nearMiss.frames() + clearance;
    }
  }

  private static int sum(int[] values, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[i];
    }
    return sum;
  }
}
