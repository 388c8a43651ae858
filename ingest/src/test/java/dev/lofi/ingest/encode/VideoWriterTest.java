package dev.lofi.ingest.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.ingest.TestVideos;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoWriterTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} B-frames")
  @CsvSource({"0, false", "2, true"})
  void bFramesAreStoredOutOfPresentationOrderBesideAnAudioTrack(int bFrames, boolean reordered) throws Exception {
    VideoWriter.Format format = new VideoWriter.Format("mp4", avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P)
        .withBFrames(bFrames).withAudio(avcodec.AV_CODEC_ID_AAC);
    double[] times = new double[30];
    Arrays.setAll(times, i -> i / 15.0);
    Path video = TestVideos.camera(dir.resolve("v.mp4"), format, 15, 64, 48, times, 2);

    int late = 0;
    int audio = 0;
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toString())) {
      grabber.start();
      long latest = Long.MIN_VALUE;
      for (AVPacket packet; (packet = grabber.grabPacket()) != null; avcodec.av_packet_unref(packet)) {
        if (packet.stream_index() == grabber.getAudioStream()) {
          audio++;
        } else {
          late += packet.pts() < latest ? 1 : 0;
          latest = Math.max(latest, packet.pts());
        }
      }
    }
    assertThat(late > 0).isEqualTo(reordered);
    assertThat(audio).isGreaterThan(0);
  }
}
