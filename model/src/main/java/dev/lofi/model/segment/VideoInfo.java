package dev.lofi.model.segment;

/**
 * How a video's {@code L} snippets sit in its media time: snippet {@code i} owns the cell
 * {@code [i D/L, (i+1) D/L)} of the duration {@code D} (the ingest {@code SnippetSchedule} cuts
 * snippets this way), and the head's point {@code i} stands for the cell's centre.
 *
 * <p>A <em>position</em> is a coordinate on the finest snippet grid: position {@code i} is the
 * centre of cell {@code i}, so the video spans positions {@code [-0.5, L - 0.5]}. Positions are
 * what the heads regress; seconds are what everything else speaks.
 *
 * @param duration seconds, finite and {@code > 0}
 * @param snippets {@code L}, at least 1
 */
public record VideoInfo(double duration, int snippets) {

  public VideoInfo {
    if (!Double.isFinite(duration) || duration <= 0) {
      throw new IllegalArgumentException("duration must be finite and > 0 s, got " + duration);
    }
    if (snippets < 1) {
      throw new IllegalArgumentException("snippets must be >= 1, got " + snippets);
    }
  }

  /** Length of one snippet's cell, seconds. */
  public double secondsPerSnippet() {
    return duration / snippets;
  }

  /** Media time of a grid position, seconds; not clipped. */
  public double toSeconds(double position) {
    return (position + 0.5) * duration / snippets;
  }

  /** Grid position of a media time; not clipped. */
  public double toPosition(double seconds) {
    return seconds * snippets / duration - 0.5;
  }

  /** {@code seconds} clipped to {@code [0, duration]}. */
  public double clip(double seconds) {
    return Math.min(Math.max(seconds, 0), duration);
  }
}
