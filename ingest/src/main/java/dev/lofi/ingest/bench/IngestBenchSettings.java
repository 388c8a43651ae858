package dev.lofi.ingest.bench;

import dev.lofi.topics.fidelity.FidelityPreset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the ingest benchmark measures.
 *
 * @param video the video file decoded by both sides
 * @param generatedVideo whether {@code video} is a {@link BenchVideo} made because none was given
 * @param preset the fidelities sampled; ffmpeg scales to the largest frame size among them
 * @param runs timed runs of each side, after one untimed warm-up run each
 */
public record IngestBenchSettings(Path video, boolean generatedVideo, FidelityPreset preset, int runs) {

  /** Timed runs when none are asked for: a median of three shrugs off one disturbed run. */
  public static final int DEFAULT_RUNS = 3;

  public IngestBenchSettings {
    if (video == null || !Files.isRegularFile(video)) {
      throw new IllegalArgumentException("no video file " + video);
    }
    if (preset == null) {
      throw new IllegalArgumentException("no fidelity preset");
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
  }
}
