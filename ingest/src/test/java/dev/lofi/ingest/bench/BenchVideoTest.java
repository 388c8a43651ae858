package dev.lofi.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.ingest.decode.VideoDecoder;
import dev.lofi.ingest.decode.VideoProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchVideoTest {

  private static final BenchVideo TINY = new BenchVideo(160, 120, 30, 2);

  @Test
  void writesAnH264VideoOfTheRequestedSizeAndFrameCount(@TempDir Path dir) {
    Path file = dir.resolve("tiny.mp4");
    TINY.write(file);

    VideoProbe probe = VideoDecoder.probe(file.toString());
    assertThat(probe.codec()).isEqualTo("h264");
    assertThat(probe.width()).isEqualTo(160);
    assertThat(probe.height()).isEqualTo(120);
    assertThat(probe.frameCount()).isEqualTo(TINY.frames()).isEqualTo(60);
    assertThat(probe.fps()).isEqualTo(30.0);
  }

  @Test
  void picturesChangeFromFrameToFrame(@TempDir Path dir) {
    Path file = dir.resolve("tiny.mp4");
    TINY.write(file);

    try (VideoDecoder decoder = VideoDecoder.open(VideoDecoder.probe(file.toString()), 32)) {
      byte[] first = decoder.next(true).rgb();
      byte[] second = decoder.next(true).rgb();
      assertThat(second).isNotEqualTo(first);
    }
  }

  @Test
  void aCachedVideoIsWrittenOnceAndReused(@TempDir Path dir) throws Exception {
    Path file = TINY.cachedIn(dir.resolve("cache"));
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(file, written);

    assertThat(TINY.cachedIn(dir.resolve("cache"))).isEqualTo(file);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
    assertThat(file.getFileName()).hasToString("lofi-bench-160x120-30fps-2s.mp4");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void oddSidesAreRefusedBecauseH264ChromaNeedsEvenOnes() {
    assertThatThrownBy(() -> new BenchVideo(161, 120, 30, 2))
        .hasMessage("video size must be even and at least 16x16, got 161x120");
  }
}
