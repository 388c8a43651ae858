package dev.lofi.ingest.live;

/**
 * What a live ingest did.
 *
 * @param ending why it ended
 * @param failure what went wrong with the source, for {@link Ending#FAILED}; else null
 * @param snippets snippets sent, the end marker not counted
 * @param mediaSeconds media time the stream reached, which its end marker carries
 * @param reconnects times the source was opened again after it had delivered frames
 * @param clipBytes bytes of the snippets' pixels sent
 * @param seconds wall-clock time the ingest took
 */
public record LiveSummary(String streamId, Ending ending, String failure, int snippets, double mediaSeconds,
    int reconnects, long clipBytes, double seconds) {

  /** Why a live ingest ended; it published the end marker in every case. */
  public enum Ending {
    /** A file (not looping) reached its end. */
    FINISHED,
    /** A stop was asked for (Ctrl-C, SIGTERM). */
    STOPPED,
    /** The source failed and its retries ran out, or a file broke off mid-way. */
    FAILED
  }

  /** Whether the ingest ended as asked: the source finished, or it was stopped. */
  public boolean succeeded() {
    return ending != Ending.FAILED;
  }

  /** Media seconds per wall-clock second. */
  public double realtimeFactor() {
    return mediaSeconds / Math.max(seconds, 1e-9);
  }
}
