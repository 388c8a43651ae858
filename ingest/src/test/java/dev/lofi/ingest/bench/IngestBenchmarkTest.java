package dev.lofi.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lofi.topics.fidelity.FidelityPreset;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestBenchmarkTest {

  @TempDir static Path dir;
  private static Path video;

  @BeforeAll
  static void tinyVideo() {
    video = dir.resolve("tiny.mp4");
    new BenchVideo(160, 120, 30, 2).write(video);
  }

  @Test
  void bothSidesProcessEveryFrameOfTheVideoAndTheRatioComparesTheirRates() {
    IngestBenchResult result = benchmark().run(new IngestBenchSettings(video, false, FidelityPreset.CPU, 2));

    assertThat(result.frames()).isEqualTo(60);
    assertThat(result.decodedFrames()).isEqualTo(60);
    assertThat(result.fps()).isPositive();
    assertThat(result.ffmpegFps()).isPositive();
    assertThat(result.ratio()).isCloseTo(result.fps() / result.ffmpegFps(), within(1e-12));
    assertThat(result.runSeconds()).hasSize(2);
    assertThat(result.ffmpegRunSeconds()).hasSize(2);
    assertThat(result.ffmpegCommand()).contains("scale=64:64:flags=area");
  }

  @Test
  void everyFidelityOfThePresetGetsAllItsSnippets() {
    IngestBenchResult result = benchmark().run(new IngestBenchSettings(video, false, FidelityPreset.CPU, 1));

    assertThat(result.snippets()).containsExactly(entry("full", 32), entry("s", 32), entry("t", 8), entry("st", 16));
    assertThat(result.preset()).isEqualTo("cpu");
    assertThat(result.frameSize()).isEqualTo(64);
    assertThat(result.width()).isEqualTo(160);
    assertThat(result.codec()).isEqualTo("h264");
  }

  private static IngestBenchmark benchmark() {
    Optional<FfmpegCli> ffmpeg = FfmpegCli.find(FfmpegCli.DEFAULT_COMMAND, FfmpegCli.DEFAULT_TIMEOUT);
    assumeTrue(ffmpeg.isPresent(), "the ffmpeg CLI is not installed");
    return new IngestBenchmark(ffmpeg.get());
  }
}
