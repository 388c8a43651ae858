package dev.lofi.localizer.tracking;

/**
 * One action as the windows have seen it so far, in the stream's media time.
 *
 * @param label the action class
 * @param start seconds
 * @param end seconds, after {@code start}
 * @param score the best score any window gave it
 * @param model {@code model@version} of the head run that set its boundaries last
 * @param startWallMillis wall-clock time of {@code start}, epoch ms
 * @param endWallMillis wall-clock time of {@code end}, epoch ms, not before {@code startWallMillis}
 */
public record TrackedAction(String label, double start, double end, double score, String model,
    long startWallMillis, long endWallMillis) {

  public TrackedAction {
    if (!(end > start)) {
      throw new IllegalArgumentException("an action must end after its start " + start + ", got " + end);
    }
    if (endWallMillis < startWallMillis) {
      throw new IllegalArgumentException("an action must not end on the wall clock (" + endWallMillis
          + ") before it starts (" + startWallMillis + ")");
    }
  }
}
