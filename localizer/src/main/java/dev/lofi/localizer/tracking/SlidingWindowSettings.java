package dev.lofi.localizer.tracking;

import dev.lofi.model.preset.LofiPreset;

/**
 * How a long or endless video is localized through a window of snippets that slides along it, and
 * how the detections of overlapping windows become one action each.
 *
 * @param window snippets the head sees at once; a preset's full-fidelity snippet count, the length
 *     the head was trained on (a stream's first windows are shorter, which the head takes)
 * @param hop snippets between two runs of the head, at most {@code window}: the newest {@code hop}
 *     snippets of a window are the ones no earlier run has seen
 * @param threshold detections scoring below it are ignored, in {@code [0, 1]}
 * @param mergeTiou a detection continues an action of its label when their temporal IoU is at
 *     least this, in {@code (0, 1]}; the same overlap with a recently closed action suppresses it
 */
public record SlidingWindowSettings(int window, int hop, double threshold, double mergeTiou) {

  /** The cpu preset's window, a hop of 4, score 0.3, tIoU 0.3. */
  public static final SlidingWindowSettings DEFAULT = forPreset(LofiPreset.CPU);

  public SlidingWindowSettings {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1 snippet, got " + window);
    }
    if (hop < 1 || hop > window) {
      throw new IllegalArgumentException("hop must be 1.." + window + " snippets (the window), got " + hop);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    if (!(mergeTiou > 0 && mergeTiou <= 1)) {
      throw new IllegalArgumentException("merge tIoU must be in (0, 1], got " + mergeTiou);
    }
  }

  /** {@code preset}'s live window, a hop of 4, score 0.3, tIoU 0.3. */
  public static SlidingWindowSettings forPreset(LofiPreset preset) {
    return new SlidingWindowSettings(preset.liveWindow(), 4, 0.3, 0.3);
  }

  /** The same settings with another score threshold. */
  public SlidingWindowSettings withThreshold(double newThreshold) {
    return new SlidingWindowSettings(window, hop, newThreshold, mergeTiou);
  }
}
