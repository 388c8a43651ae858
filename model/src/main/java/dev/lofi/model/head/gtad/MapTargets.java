package dev.lofi.model.head.gtad;

import dev.lofi.model.head.VideoTargets;
import dev.lofi.model.segment.LabeledSegment;
import dev.lofi.model.segment.VideoInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One video's targets on its {@link AnchorGrid}, as BMN and G-TAD define them, plus the class of
 * each segment for the head's own classification branch.
 * <ul>
 *   <li>Boundaries: snippet {@code i} is a start (an end) when more than half of it lies within
 *       1.5 snippets of an action's start (end).
 *   <li>Each cell's IoU with the action it overlaps most (0 for cells outside the video).
 *   <li>Proposal positives: cells of IoU above 0.9, and each action's best cell, so an action too
 *       short or off-grid for 0.9 still has one.
 *   <li>Classified cells: IoU of at least 0.5, and each action's best cell; their class is that
 *       of the action they overlap most.
 * </ul>
 * Pure Java on the CPU: a few thousand cells and a handful of actions per video.
 *
 * @param starts {@code [L]}, 1 for a start snippet
 * @param ends {@code [L]}, 1 for an end snippet
 * @param iou {@code [M x L]}, cell-major as {@link AnchorGrid}
 * @param proposal {@code [M x L]}, whether a cell is a proposal positive
 * @param labels {@code [M x L]}, a classified cell's class, else -1
 */
record MapTargets(float[] starts, float[] ends, float[] iou, boolean[] proposal, int[] labels) {

  /** BMN's boundary region: an action's boundary, plus or minus this many snippets. */
  static final double BOUNDARY_REACH = 1.5;
  /** BMN's IoU above which a cell is a proposal positive. */
  static final double PROPOSAL_IOU = 0.9;
  /** The IoU from which a cell learns the class of its action. */
  static final double CLASSIFIED_IOU = 0.5;

  /** The targets of {@code targets}' actions, which must be labelled below {@code classes}. */
  static MapTargets of(AnchorGrid grid, VideoTargets targets, int classes) {
    VideoInfo video = targets.video();
    int snippets = grid.snippets();
    if (video.snippets() != snippets) {
      throw new IllegalArgumentException("targets are for L = " + video.snippets() + " but the head saw L = " + snippets);
    }
    List<double[]> actions = new ArrayList<>();                     // {start, end, label} in snippet edges
    for (LabeledSegment s : targets.segments()) {
      if (s.label() >= classes) {
        throw new IllegalArgumentException("label " + s.label() + " is not below the " + classes + " classes");
      }
      double start = Math.max(s.start() / video.secondsPerSnippet(), 0);
      double end = Math.min(s.end() / video.secondsPerSnippet(), snippets);
      if (end > start) {
        actions.add(new double[] {start, end, s.label()});
      }
    }
    float[] starts = new float[snippets];
    float[] ends = new float[snippets];
    for (int i = 0; i < snippets; i++) {
      for (double[] a : actions) {
        starts[i] = Math.max(starts[i], boundary(i, a[0]));
        ends[i] = Math.max(ends[i], boundary(i, a[1]));
      }
    }
    int cells = grid.cells();
    float[] iou = new float[cells];
    boolean[] proposal = new boolean[cells];
    int[] labels = new int[cells];
    Arrays.fill(labels, -1);
    int[] bestCell = new int[actions.size()];
    double[] bestIou = new double[actions.size()];
    for (int cell = 0; cell < cells; cell++) {
      if (!grid.inside(cell)) {
        continue;
      }
      int nearest = -1;
      for (int a = 0; a < actions.size(); a++) {
        double overlap = iou(grid.start(cell), grid.end(cell), actions.get(a));
        if (overlap > iou[cell]) {
          iou[cell] = (float) overlap;
          nearest = a;
        }
        if (overlap > bestIou[a]) {
          bestIou[a] = overlap;
          bestCell[a] = cell;
        }
      }
      proposal[cell] = iou[cell] > PROPOSAL_IOU;
      if (iou[cell] >= CLASSIFIED_IOU) {
        labels[cell] = (int) actions.get(nearest)[2];
      }
    }
    for (int a = 0; a < actions.size(); a++) {
      if (bestIou[a] > 0) {
        proposal[bestCell[a]] = true;
        labels[bestCell[a]] = (int) actions.get(a)[2];
      }
    }
    return new MapTargets(starts, ends, iou, proposal, labels);
  }

  /** 1 when more than half of snippet {@code i} lies within the reach of an action's boundary. */
  private static float boundary(int i, double edge) {
    double overlap = Math.min(i + 1, edge + BOUNDARY_REACH) - Math.max(i, edge - BOUNDARY_REACH);
    return overlap > 0.5 ? 1f : 0f;
  }

  private static double iou(double start, double end, double[] action) {
    double intersection = Math.min(end, action[1]) - Math.max(start, action[0]);
    if (intersection <= 0) {
      return 0;
    }
    return intersection / (Math.max(end, action[1]) - Math.min(start, action[0]));
  }
}
