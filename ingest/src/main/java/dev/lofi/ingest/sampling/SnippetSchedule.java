package dev.lofi.ingest.sampling;

import dev.lofi.topics.fidelity.Fidelity;

/**
 * Where the frames of one fidelity's snippets fall in a video. Snippet {@code i} of {@code L}
 * owns the cell {@code [i D/L, (i+1) D/L)} of the video's duration {@code D}; its {@code T} frames
 * are centred on the cell, {@code stride} source frames apart, and clamped to the video's frames.
 * Cells are what the localization head maps back to seconds; frames may reach past their cell
 * when snippets are longer than cells, as in the paper's 100-snippet resampling.
 */
public final class SnippetSchedule {

  private final Fidelity fidelity;
  private final double durationSeconds;
  private final double lastFrameSeconds;
  private final double strideSeconds;

  /**
   * @param durationSeconds media time at which the last frame ends
   * @param lastFrameSeconds media time of the last frame; no target lies beyond it
   * @param fps nominal frame rate, which turns the stride in frames into seconds
   */
  public SnippetSchedule(Fidelity fidelity, double durationSeconds, double lastFrameSeconds, double fps) {
    if (!(durationSeconds > 0) || !(fps > 0) || lastFrameSeconds < 0 || lastFrameSeconds > durationSeconds) {
      throw new IllegalArgumentException("bad video timing: duration " + durationSeconds + " s, last frame "
          + lastFrameSeconds + " s, " + fps + " fps");
    }
    this.fidelity = fidelity;
    this.durationSeconds = durationSeconds;
    this.lastFrameSeconds = lastFrameSeconds;
    this.strideSeconds = fidelity.frameStride() / fps;
  }

  /** The fidelity scheduled. */
  public Fidelity fidelity() {
    return fidelity;
  }

  /** Start of snippet {@code snippet}'s cell, seconds. */
  public double cellStart(int snippet) {
    return durationSeconds * snippet / fidelity.snippets();
  }

  /** End of snippet {@code snippet}'s cell, seconds. */
  public double cellEnd(int snippet) {
    return durationSeconds * (snippet + 1) / fidelity.snippets();
  }

  /** Media time of frame {@code slot} of snippet {@code snippet}. */
  public double frameTime(int snippet, int slot) {
    double centre = (cellStart(snippet) + cellEnd(snippet)) / 2;
    double offset = (slot - (fidelity.framesPerSnippet() - 1) / 2.0) * strideSeconds;
    return Math.min(Math.max(centre + offset, 0), lastFrameSeconds);
  }
}
