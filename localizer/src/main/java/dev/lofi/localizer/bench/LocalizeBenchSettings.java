package dev.lofi.localizer.bench;

import dev.lofi.ingest.bench.BenchVideo;
import dev.lofi.localizer.offline.OfflineLocalization;
import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.nio.file.Path;

/**
 * What the localizer benchmark measures.
 *
 * @param preset the fidelity preset: its full fidelity is what the live ingest sends
 * @param network the preset's network, untrained
 * @param seconds length of the generated video, which the latency pass plays in real time
 * @param workDir where the generated video is kept for the next run, and the service's state
 *     lives while it runs
 */
public record LocalizeBenchSettings(FidelityPreset preset, NetworkConfig network, int seconds, Path workDir) {

  // The live service's window and hop, with the offline threshold: an untrained head scores about
  // 0.01-0.03, so its detections become segments for the latency pass to time.
  private static final SlidingWindowSettings SLIDING =
      SlidingWindowSettings.DEFAULT.withThreshold(OfflineLocalization.DEFAULT_THRESHOLD);

  /** A minute of video: a dozen head runs in the latency pass, and the bench within two minutes. */
  public static final int DEFAULT_SECONDS = 60;

  // A camera's rate at a modest size: the localizer sees the preset's frames, whatever the source's.
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;
  private static final int FPS = 30;

  public LocalizeBenchSettings {
    if (preset == null || network == null || workDir == null) {
      throw new IllegalArgumentException("preset, network and work directory are required");
    }
    if (network.framesPerSnippet() != preset.full().framesPerSnippet()) {
      throw new IllegalArgumentException("the network takes snippets of " + network.framesPerSnippet()
          + " frames; preset " + preset.name() + "'s have " + preset.full().framesPerSnippet());
    }
    if (seconds < 1) {
      throw new IllegalArgumentException("the video must last at least 1 s, got " + seconds);
    }
  }

  /** The live service's window and hop, with a threshold low enough for an untrained head's detections to become segments. */
  public SlidingWindowSettings sliding() {
    return SLIDING;
  }

  /** The video both passes stream: a panning texture with moving discs, 640x360 at 30 fps. */
  public BenchVideo video() {
    return new BenchVideo(WIDTH, HEIGHT, FPS, seconds);
  }

  /** Seconds of video between two runs of the head: {@code hop} snippets of the preset's full fidelity. */
  public double hopSeconds() {
    return (double) SLIDING.hop() * preset.full().framesPerSnippet() * preset.full().frameStride() / FPS;
  }
}
