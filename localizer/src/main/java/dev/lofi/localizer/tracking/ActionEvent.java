package dev.lofi.localizer.tracking;

/**
 * A change in an action's life: it was first seen, or it has ended and is final.
 *
 * @param kind opened or closed
 * @param action the action as known when the event was decided
 * @param decidedByCaptureMillis capture time of the snippet (or end-of-stream marker) whose
 *     arrival decided the event, epoch ms: where the event's latency is counted from
 */
public record ActionEvent(Kind kind, TrackedAction action, long decidedByCaptureMillis) {

  /** The two events of an action. */
  public enum Kind {
    OPENED,
    CLOSED
  }
}
