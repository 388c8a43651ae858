package dev.lofi.ingest.synth;

/** Hears of each video file SynthTAL finishes, untrimmed and trimmed alike, so a caller can draw a bar. */
@FunctionalInterface
public interface SynthListener {

  /** Listens to nothing. */
  SynthListener NONE = (done, total) -> { };

  /** {@code done} of {@code total} video files are written. */
  void videoWritten(int done, int total);
}
