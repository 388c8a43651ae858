package dev.lofi.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.ingest.TestVideos;
import dev.lofi.ingest.sampling.SnippetExtraction;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.ClipSnippet;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The containers and codecs real footage comes in all decode and sample the same way. */
class ContainerCoverageTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
      "mp4, h264, v.mp4",
      "mov, h264, v.mov",
      "mov, mjpeg, m.mov",
      "avi, mpeg4, v.avi",
      "avi, msmpeg4, ms.avi",
      "webm, vp9, v9.webm",
      "matroska, mpeg4, v.mkv",
      "flv, flv, v.flv",
      "3gp, h263, v.3gp"})
  void everyContainerAndCodecYieldsAllSnippets(String format, String codec, String name) {
    int codecId = switch (codec) {
      case "h264" -> avcodec.AV_CODEC_ID_H264;
      case "mjpeg" -> avcodec.AV_CODEC_ID_MJPEG;
      case "mpeg4" -> avcodec.AV_CODEC_ID_MPEG4;
      case "msmpeg4" -> avcodec.AV_CODEC_ID_MSMPEG4V3;
      case "vp9" -> avcodec.AV_CODEC_ID_VP9;
      case "flv" -> avcodec.AV_CODEC_ID_FLV1;
      case "h263" -> avcodec.AV_CODEC_ID_H263;
      default -> throw new IllegalArgumentException(codec);
    };
    int pixelFormat = codec.equals("mjpeg") ? avutil.AV_PIX_FMT_YUVJ420P : avutil.AV_PIX_FMT_YUV420P;
    // H.263 only encodes its standard picture sizes.
    Path video = TestVideos.encoded(dir.resolve(name), format, codecId, pixelFormat, 30, 15, 176, 144);

    VideoProbe probe = VideoDecoder.probe(video.toString());

    assertThat(probe.codec()).isEqualTo(codec);
    assertThat(probe.durationSeconds()).isCloseTo(2.0, within(0.1));
    assertThat(sampleFull(probe)).hasSize(FidelityPreset.CPU.full().snippets());
  }

  /** JavaCV's FFmpeg decodes Theora and VP8 but cannot encode them: these are tiny real clips. */
  @ParameterizedTest(name = "{1}")
  @CsvSource({"/media/theora.ogv, theora", "/media/vp8.webm, vp8"})
  void codecsTestsCannotEncodeDecodeFromRealClips(String resource, String codec) throws URISyntaxException {
    Path video = Path.of(getClass().getResource(resource).toURI());
    VideoProbe probe = VideoDecoder.probe(video.toString());
    assertThat(probe.codec()).isEqualTo(codec);
    assertThat(sampleFull(probe)).hasSize(FidelityPreset.CPU.full().snippets());
  }

  private static List<ClipSnippet> sampleFull(VideoProbe probe) {
    List<ClipSnippet> snippets = new ArrayList<>();
    SnippetExtraction.run("v", probe, List.of(FidelityPreset.CPU.full()), snippets::add);
    return snippets;
  }
}
