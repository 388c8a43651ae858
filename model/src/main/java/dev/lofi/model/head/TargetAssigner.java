package dev.lofi.model.head;

import dev.lofi.model.segment.LabeledSegment;
import dev.lofi.model.segment.VideoInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Assigns ground-truth actions to the points of a {@link PointPyramid}, as ActionFormer (after
 * FCOS) does. A point is a positive of an action when
 * <ul>
 *   <li>it lies inside the action's centre region, {@code centre +- radius * stride} cut to the
 *       action (centre sampling; radius 0 means anywhere inside the action), and
 *   <li>the larger of its two distances to the action's boundaries is within its level's range.
 * </ul>
 * A point that several actions claim takes the shortest; every action of that shortest length
 * sets its class (multi-label), and the first of them sets the regression target. Targets are
 * distances to the start and end in units of the point's stride, the head's output unit.
 *
 * <p>Pure Java, on the CPU: a few hundred points and a handful of actions per video.
 */
public final class TargetAssigner {

  /** ActionFormer's centre-sampling radius, in strides. */
  public static final double DEFAULT_RADIUS = 1.5;

  private final double radius;

  /** @param radius centre-sampling radius in strides, {@code >= 0}; 0 disables centre sampling */
  public TargetAssigner(double radius) {
    if (!Double.isFinite(radius) || radius < 0) {
      throw new IllegalArgumentException("centre-sampling radius must be finite and >= 0, got " + radius);
    }
    this.radius = radius;
  }

  /**
   * The targets of one video.
   *
   * @param classTargets {@code [P, K]} row-major, 1 where a point is a positive of the class
   * @param positives indices of the positive points, ascending ({@code M} of them)
   * @param offsets {@code [M, 2]} row-major, (start, end) distances of each positive, in strides
   */
  public record Assignment(int points, int classes, float[] classTargets, int[] positives, float[] offsets) {

    /** Number of positive points {@code M}. */
    public int positiveCount() {
      return positives.length;
    }
  }

  /** Assigns {@code targets}' actions to {@code pyramid}'s points for {@code classes} classes. */
  public Assignment assign(PointPyramid pyramid, VideoTargets targets, int classes) {
    VideoInfo video = targets.video();
    if (video.snippets() != pyramid.snippets()) {
      throw new IllegalArgumentException("targets are for L = " + video.snippets() + " but the head saw L = "
          + pyramid.snippets());
    }
    // The actions on the grid, cut to the video: [-0.5, L - 0.5] is the whole video.
    List<double[]> actions = new ArrayList<>();  // {start, end, label}
    for (LabeledSegment s : targets.segments()) {
      if (s.label() >= classes) {
        throw new IllegalArgumentException("label " + s.label() + " is not below the " + classes + " classes");
      }
      double start = Math.max(video.toPosition(s.start()), -0.5);
      double end = Math.min(video.toPosition(s.end()), video.snippets() - 0.5);
      if (end > start) {
        actions.add(new double[] {start, end, s.label()});
      }
    }
    int points = pyramid.size();
    float[] classTargets = new float[points * classes];
    List<Integer> positives = new ArrayList<>();
    List<float[]> offsets = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      double x = pyramid.position(p);
      int s = pyramid.stride(p);
      double shortest = Double.POSITIVE_INFINITY;
      int chosen = -1;
      double[] lengths = new double[actions.size()];
      for (int a = 0; a < actions.size(); a++) {
        double start = actions.get(a)[0];
        double end = actions.get(a)[1];
        lengths[a] = Double.POSITIVE_INFINITY;
        if (!inside(x, s, start, end)) {
          continue;
        }
        double farthest = Math.max(x - start, end - x);
        if (farthest < pyramid.rangeLow(p) || farthest > pyramid.rangeHigh(p)) {
          continue;
        }
        lengths[a] = end - start;
        if (lengths[a] < shortest) {
          shortest = lengths[a];
          chosen = a;
        }
      }
      if (chosen < 0) {
        continue;
      }
      for (int a = 0; a < actions.size(); a++) {
        if (lengths[a] <= shortest) {
          classTargets[p * classes + (int) actions.get(a)[2]] = 1f;
        }
      }
      double[] action = actions.get(chosen);
      positives.add(p);
      offsets.add(new float[] {(float) ((x - action[0]) / s), (float) ((action[1] - x) / s)});
    }
    int[] positiveIndex = positives.stream().mapToInt(Integer::intValue).toArray();
    float[] flatOffsets = new float[positiveIndex.length * 2];
    for (int i = 0; i < positiveIndex.length; i++) {
      flatOffsets[2 * i] = offsets.get(i)[0];
      flatOffsets[2 * i + 1] = offsets.get(i)[1];
    }
    return new Assignment(points, classes, classTargets, positiveIndex, flatOffsets);
  }

  /** Whether position {@code x} (stride {@code s}) is inside the action or its centre region. */
  private boolean inside(double x, int s, double start, double end) {
    double low = start;
    double high = end;
    if (radius > 0) {
      double centre = (start + end) / 2;
      low = Math.max(centre - radius * s, start);
      high = Math.min(centre + radius * s, end);
    }
    return x - low > 0 && high - x > 0;
  }
}
