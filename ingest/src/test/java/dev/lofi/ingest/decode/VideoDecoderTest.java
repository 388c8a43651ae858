package dev.lofi.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.ingest.EditLists;
import dev.lofi.ingest.TestVideos;
import dev.lofi.ingest.encode.VideoWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
  void framesAnEditListLeavesOutAreNoFramesOfTheVideoAndMediaTimeStartsAtTheFirstItPresents() {
    Path video = camera("edited.mov", 30, 3);
    EditLists.present(video, 0.5, 2.0);

    VideoProbe probe = VideoDecoder.probe(video.toString());

    assertThat(probe.frameCount()).isEqualTo(20);
    assertThat(probe.lastFrameSeconds()).isCloseTo(1.9, within(0.002));
    assertThat(probe.durationSeconds()).isCloseTo(2.0, within(0.002));
    assertThat(probe.declaredSeconds()).isCloseTo(2.0, within(0.002));
    try (VideoDecoder decoder = VideoDecoder.open(probe, 8)) {
      DecodedFrame first = decoder.next(true);
      assertThat(first.mediaSeconds()).isCloseTo(0, within(0.002));
      assertThat(TestVideos.frameOf(first.rgb(), 0, first.rgb().length)).isEqualTo(5);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v.mp4", "v.mkv"})
  void theEndTheContainerDeclaresIsTheVideosOwnWhereTheAudioRunsLonger(String name) {
    VideoProbe probe = VideoDecoder.probe(camera(name, 30, 5).toString());

    assertThat(probe.durationSeconds()).isCloseTo(3.0, within(0.002));
    assertThat(probe.declaredSeconds()).isCloseTo(3.0, within(0.002));
    assertThat(probe.streamsEndSeconds()).isCloseTo(5.0, within(0.05));
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

  /** {@code frames} H.264 frames at 10 fps and {@code audioSeconds} of AAC, in the container the name says. */
  private Path camera(String name, int frames, double audioSeconds) {
    VideoWriter.Format format = name.endsWith(".mkv") ? TestVideos.H264_AAC_MKV
        : name.endsWith(".mov") ? TestVideos.H264_AAC_MOV : TestVideos.H264_AAC_MP4;
    double[] times = new double[frames];
    Arrays.setAll(times, i -> i / 10.0);
    return TestVideos.camera(dir.resolve(name), format, 10, 32, 24, times, audioSeconds);
  }
}
