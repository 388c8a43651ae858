package dev.lofi.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.ingest.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoDecoderTest {

  @TempDir
  Path dir;

  @Test
  void probeMeasuresFramesAndDurationFromThePackets() {
    Path video = TestVideos.lossless(dir.resolve("v.mkv"), 30, 10, 32, 24);
    VideoProbe probe = VideoDecoder.probe(video.toString());
    assertThat(probe.frameCount()).isEqualTo(30);
    assertThat(probe.fps()).isCloseTo(10, within(0.01));
    assertThat(probe.lastFrameSeconds()).isCloseTo(2.9, within(0.002));
    assertThat(probe.durationSeconds()).isCloseTo(3.0, within(0.002));
    assertThat(probe.width()).isEqualTo(32);
    assertThat(probe.codec()).isEqualTo("ffv1");
  }

  @Test
  void decodedFramesCarryTheStreamsOwnTimestampsEvenAtAVariableRate() {
    double[] times = {0, 0.1, 0.15, 0.6, 0.65, 1.7, 1.75};
    Path video = TestVideos.variableRate(dir.resolve("vfr.mkv"), times, 32, 24);
    VideoProbe probe = VideoDecoder.probe(video.toString());
    assertThat(probe.lastFrameSeconds()).isCloseTo(1.75, within(0.002));

    List<Double> decoded = new ArrayList<>();
    try (VideoDecoder decoder = VideoDecoder.open(probe, 8)) {
      for (DecodedFrame frame; (frame = decoder.next(false)) != null; ) {
        decoded.add(frame.mediaSeconds());
      }
    }
    assertThat(decoded).hasSize(times.length);
    for (int i = 0; i < times.length; i++) {
      assertThat(decoded.get(i)).isCloseTo(times[i], within(0.002));
    }
  }

  @Test
  void convertedFramesAreSquareRgbOfTheSourcePicture() {
    Path video = TestVideos.lossless(dir.resolve("v.mkv"), 5, 10, 40, 20);
    VideoProbe probe = VideoDecoder.probe(video.toString());
    try (VideoDecoder decoder = VideoDecoder.open(probe, 16)) {
      decoder.next(false);
      DecodedFrame second = decoder.next(true);
      assertThat(second.rgb()).hasSize(16 * 16 * 3);
      for (byte b : second.rgb()) {
        assertThat(TestVideos.indexOfLevel(b & 0xFF)).isEqualTo(1);
      }
      assertThat(decoder.next(false).converted()).isFalse();
    }
  }

  @Test
  void filesThatAreNotVideosAreRefusedWithTheirReason() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    Path text = Files.writeString(dir.resolve("notes.mov"), "this is not a video\n".repeat(50));
    byte[] noise = new byte[50_000];
    new java.util.Random(3).nextBytes(noise);
    Path random = Files.write(dir.resolve("random.bin"), noise);

    assertThatThrownBy(() -> VideoDecoder.probe(empty.toString())).hasMessage(empty + ": empty file");
    assertThatThrownBy(() -> VideoDecoder.probe(text.toString())).isInstanceOf(VideoDecodeException.class)
        .hasMessageStartingWith(text + ": not a video FFmpeg can read (");
    assertThatThrownBy(() -> VideoDecoder.probe(random.toString())).isInstanceOf(VideoDecodeException.class)
        .hasMessageContaining(random.toString());
    assertThatThrownBy(() -> VideoDecoder.probe(dir.resolve("missing.mp4").toString()))
        .hasMessageEndingWith("missing.mp4: no such file");
  }
}
