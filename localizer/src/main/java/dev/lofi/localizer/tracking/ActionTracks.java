package dev.lofi.localizer.tracking;

import dev.lofi.model.segment.SegmentIou;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The actions of one stream that are open, and those closed recently enough for a later window to
 * see them again. Mutable; what a stream's state holds between head runs.
 *
 * <p>Overlapping windows see an action several times; {@link #merge} makes it one action with one
 * {@code opened} and one {@code closed} event:
 * <ul>
 *   <li><b>Merge.</b> A detection continues the open action of its label it overlaps most, if
 *       their tIoU reaches the merge tIoU. The best such detection of a run sets the action's
 *       boundaries: the newest window has seen the most of what follows the action. A start the
 *       window has slid past is not taken from it (the window no longer sees where the action
 *       began); the earlier estimate stays. The score is the best any window gave.
 *   <li><b>Suppress.</b> A detection overlapping a closed action of its label as much is the same
 *       action seen again: closed is final, so it is dropped. Closed actions are remembered until
 *       they leave the window, after which no window can see them.
 *   <li><b>Open.</b> Any other detection opens an action.
 *   <li><b>Close.</b> After a run, an action whose end does not reach into the window's newest
 *       part (the snippets no earlier run saw) has ended: those snippets were looked at and did not
 *       extend it. That covers an action the run did not find at all, and one that left the window.
 *       An action still going on keeps ending at the window's edge and stays open. Closing as soon
 *       as a hop has passed its end, rather than when it leaves the window, puts a closed event one
 *       to two hops after the action's end (the run after the one whose newest hop it ended in)
 *       instead of a whole window later.
 * </ul>
 */
public final class ActionTracks {

  /** Media times closer than this are equal: boundaries clipped to a window edge land on it up to rounding. */
  private static final double EDGE_SECONDS = 1e-6;

  private static final Comparator<TrackedAction> BY_TIME = Comparator.comparingDouble(TrackedAction::start)
      .thenComparingDouble(TrackedAction::end).thenComparing(TrackedAction::label);

  private final List<TrackedAction> open;
  private final List<TrackedAction> closed;

  /** No actions. */
  public ActionTracks() {
    this(List.of(), List.of());
  }

  /**
   * Actions as stored.
   *
   * @param open the open actions, in the order they opened
   * @param closed closed actions still in the window
   */
  public ActionTracks(List<TrackedAction> open, List<TrackedAction> closed) {
    this.open = new ArrayList<>(open);
    this.closed = new ArrayList<>(closed);
  }

  /** The open actions, in the order they opened. */
  public List<TrackedAction> open() {
    return List.copyOf(open);
  }

  /** Closed actions a window may still see. */
  public List<TrackedAction> closed() {
    return List.copyOf(closed);
  }

  /**
   * Merges one head run's detections: the actions it opened, in the order of its detections, then
   * those it closed, by start time.
   */
  public List<ActionEvent> merge(WindowRun run, double mergeTiou) {
    closed.removeIf(action -> action.end() < run.start());
    List<ActionEvent> events = new ArrayList<>();
    BitSet refined = new BitSet();
    for (WindowDetection detection : run.detections()) {
      int match = bestOverlap(open, detection, mergeTiou);
      if (match >= 0) {
        if (!refined.get(match)) {
          open.set(match, refine(open.get(match), detection, run));
          refined.set(match);
        }
      } else if (bestOverlap(closed, detection, mergeTiou) < 0) {
        TrackedAction action = new TrackedAction(detection.label(), detection.start(), detection.end(),
            detection.score(), run.model(), run.wallClock().applyAsLong(detection.start()),
            run.wallClock().applyAsLong(detection.end()));
        open.add(action);
        refined.set(open.size() - 1);
        events.add(new ActionEvent(ActionEvent.Kind.OPENED, action, run.captureEpochMillis()));
      }
    }
    List<TrackedAction> ended = open.stream().filter(action -> action.end() <= run.unseenStart() + EDGE_SECONDS)
        .sorted(BY_TIME).toList();
    open.removeAll(ended);
    closed.addAll(ended);
    ended.forEach(action -> events.add(new ActionEvent(ActionEvent.Kind.CLOSED, action, run.captureEpochMillis())));
    return events;
  }

  /**
   * Closes every open action, for a stream that ended or broke off, and forgets the closed ones:
   * what comes next starts over.
   */
  public List<ActionEvent> closeAll(long captureEpochMillis) {
    List<ActionEvent> events = open.stream().sorted(BY_TIME)
        .map(action -> new ActionEvent(ActionEvent.Kind.CLOSED, action, captureEpochMillis)).toList();
    open.clear();
    closed.clear();
    return events;
  }

  private static int bestOverlap(List<TrackedAction> actions, WindowDetection detection, double mergeTiou) {
    int best = -1;
    double bestIou = 0;
    for (int i = 0; i < actions.size(); i++) {
      TrackedAction action = actions.get(i);
      if (action.label().equals(detection.label())) {
        double iou = SegmentIou.iou(action.start(), action.end(), detection.start(), detection.end());
        if (iou >= mergeTiou && iou > bestIou) {
          best = i;
          bestIou = iou;
        }
      }
    }
    return best;
  }

  private static TrackedAction refine(TrackedAction action, WindowDetection detection, WindowRun run) {
    double start = detection.startCut() ? Math.min(action.start(), detection.start()) : detection.start();
    long startWall = start == action.start() ? action.startWallMillis() : run.wallClock().applyAsLong(start);
    long endWall = Math.max(startWall, run.wallClock().applyAsLong(detection.end()));
    return new TrackedAction(action.label(), start, detection.end(), Math.max(action.score(), detection.score()),
        run.model(), startWall, endWall);
  }
}
