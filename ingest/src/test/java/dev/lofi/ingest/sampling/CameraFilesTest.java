package dev.lofi.ingest.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.ingest.EditLists;
import dev.lofi.ingest.TestVideos;
import dev.lofi.ingest.decode.VideoDecodeException;
import dev.lofi.ingest.decode.VideoDecoder;
import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.ingest.encode.VideoWriter;
import dev.lofi.ingest.files.IngestSettings;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.ClipSnippet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files as cameras, phones and stream-copy cutters write them (edit lists, late starts, variable
 * rates, B-frames, audio longer or shorter than the video) are whole and sampled at every
 * fidelity; a file cut short is refused saying so.
 */
class CameraFilesTest {

  private static final List<Fidelity> EVERY_FIDELITY = FidelityPreset.CPU.select(IngestSettings.ALL_FIDELITIES);
  private static final int FRAMES = 243;
  private static final double FPS = 30;
  private static final int WIDTH = 96;
  private static final int HEIGHT = 64;

  private static final VideoWriter.Format MPEG4_B_FRAMES_MP4 =
      new VideoWriter.Format("mp4", avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P).withBFrames(2)
          .withAudio(avcodec.AV_CODEC_ID_AAC);

  @TempDir
  Path dir;

  /**
   * A camera file, and the source frames (by index) that its first and last presented frames are.
   */
  record Camera(String name, Function<Path, Path> writer, int firstFrame, int lastFrame) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cameraFiles() {
    return Stream.of(
        // The issue's .mov: 243 frames at 30 fps whose edit list ends at 8.043 s, before the last frame.
        new Camera("mov whose edit list ends before its last frame",
            dir -> EditLists.present(steady(dir.resolve("trimmed-end.mov"), TestVideos.H264_AAC_MOV, 8.1), 0, 8.043),
            0, FRAMES - 2),
        new Camera("mov whose edit list starts half a second in",
            dir -> EditLists.present(steady(dir.resolve("trimmed-start.mov"), TestVideos.H264_AAC_MOV, 8.1), 0.5, 7.6),
            15, FRAMES - 1),
        // The issue's .mp4: video from 0.033 s at about 30.2 fps, the last frame after a stutter.
        new Camera("mp4 starting late at a variable rate", dir -> TestVideos.camera(dir.resolve("late.mp4"),
            TestVideos.H264_AAC_MP4, 1000, WIDTH, HEIGHT, lateAndUneven(), 8.4), 0, 250),
        new Camera("mp4 with B-frames and audio longer than the video",
            dir -> steady(dir.resolve("b-frames.mp4"), MPEG4_B_FRAMES_MP4, 10), 0, FRAMES - 1),
        new Camera("mp4 with audio shorter than the video",
            dir -> steady(dir.resolve("short-audio.mp4"), TestVideos.H264_AAC_MP4, 3), 0, FRAMES - 1),
        new Camera("mkv with audio longer than the video",
            dir -> steady(dir.resolve("long-audio.mkv"), TestVideos.H264_AAC_MKV, 11), 0, FRAMES - 1))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cameraFiles")
  void everyFidelityCoversTheFramesTheFilePresentsFromFirstToLast(Camera camera) {
    VideoProbe probe = VideoDecoder.probe(camera.writer().apply(dir).toString());
    List<ClipSnippet> snippets = new ArrayList<>();

    SnippetExtraction.Stats stats = SnippetExtraction.run("v", probe, EVERY_FIDELITY, snippets::add);

    int presented = camera.lastFrame() - camera.firstFrame() + 1;
    assertThat(probe.frameCount()).isEqualTo(presented);
    assertThat(stats.decodedFrames()).isLessThanOrEqualTo(presented);
    for (Fidelity fidelity : EVERY_FIDELITY) {
      List<ClipSnippet> clips = snippets.stream().filter(c -> c.fidelity().equals(fidelity.name())).toList();
      assertThat(clips).as(fidelity.name()).extracting(ClipSnippet::snippetIndex)
          .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(fidelity.snippets()).toList());
      ClipSnippet first = clips.get(0);
      ClipSnippet last = clips.get(clips.size() - 1);
      assertThat(first.mediaStart()).isZero();
      assertThat(last.mediaEnd()).isCloseTo(probe.durationSeconds(), within(1e-9));
      assertThat(frame(first, 0)).as(fidelity.name() + " first frame")
          .isEqualTo(seen(scheduled(probe, camera, fidelity, 0, 0)));
      assertThat(frame(last, last.frames() - 1)).as(fidelity.name() + " last frame")
          .isEqualTo(seen(scheduled(probe, camera, fidelity, last.snippetIndex(), last.frames() - 1)));
    }
  }

  static Stream<Arguments> cutFiles() {
    return Stream.of(
        Arguments.of("cut.mkv", (Function<Path, Path>) file -> steady(file, TestVideos.H264_AAC_MKV, 8.1)),
        Arguments.of("cut-lossless.mkv", (Function<Path, Path>) file ->
            TestVideos.lossless(file, FRAMES, FPS, WIDTH, HEIGHT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cutFiles")
  void aFileCutShortIsRefusedSayingWhereItsFramesEndAndWhatTheContainerSays(String name, Function<Path, Path> writer)
      throws IOException {
    Path whole = writer.apply(dir.resolve("whole-" + name));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length * 6 / 10));
    VideoProbe probe = VideoDecoder.probe(cut.toString());

    assertThatThrownBy(() -> SnippetExtraction.run("v", probe, EVERY_FIDELITY, c -> { }))
        .isInstanceOf(VideoDecodeException.class)
        .hasMessageMatching(".*" + name.replace(".", "\\.")
            + ": frames end at [3-6]\\.\\d\\d s; the container says 8\\.10 s \\(truncated file\\)");
  }

  /** {@link #FRAMES} frames at {@link #FPS} and {@code audioSeconds} of audio. */
  private static Path steady(Path file, VideoWriter.Format format, double audioSeconds) {
    double[] times = new double[FRAMES];
    Arrays.setAll(times, i -> i / FPS);
    return TestVideos.camera(file, format, FPS, WIDTH, HEIGHT, times, audioSeconds);
  }

  /** 250 frames from 0.033 s, 33 ms apart on average, and a 251st 0.1 s after the 250th. */
  private static double[] lateAndUneven() {
    double[] times = new double[251];
    Arrays.setAll(times, i -> i < 250 ? 0.033 + i * 8.2 / 249 : 8.333);
    return times;
  }

  /** The source frame a snippet's slot should show: the presented frame nearest its scheduled time. */
  private static int scheduled(VideoProbe probe, Camera camera, Fidelity fidelity, int snippet, int slot) {
    double time = new SnippetSchedule(fidelity, probe.durationSeconds(), probe.lastFrameSeconds(), probe.fps())
        .frameTime(snippet, slot);
    double[] times = probe.frameTimes();
    int nearest = 0;
    for (int i = 1; i < times.length; i++) {
      nearest = Math.abs(times[i] - time) < Math.abs(times[nearest] - time) ? i : nearest;
    }
    return camera.firstFrame() + nearest;
  }

  /** Which source frame (modulo the distinct grey levels) slot {@code slot} of a snippet shows. */
  private static int frame(ClipSnippet clip, int slot) {
    int frameBytes = clip.width() * clip.height() * clip.channels();
    return TestVideos.frameOf(clip.payload(), slot * frameBytes, frameBytes);
  }

  private static int seen(int frame) {
    return TestVideos.indexOfLevel(TestVideos.level(frame));
  }
}
