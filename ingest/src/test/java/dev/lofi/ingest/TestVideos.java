package dev.lofi.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Real video files for tests, written with JavaCV. Frame {@code i} is one flat grey level,
 * {@link #level(int)}, so a test can tell from decoded pixels which source frame it got.
 */
public final class TestVideos {

  /** Grey levels step by this much per frame, wrapping at 256: far apart enough to survive H.264. */
  public static final int LEVEL_STEP = 16;

  private TestVideos() {}

  /** The grey level of frame {@code index}. */
  public static int level(int index) {
    return (index * LEVEL_STEP) % 256;
  }

  /** The frame index (modulo the cycle of levels) whose grey level is nearest to {@code grey}. */
  public static int indexOfLevel(int grey) {
    return Math.floorMod(Math.round(grey / (float) LEVEL_STEP), 256 / LEVEL_STEP);
  }

  /** A lossless FFV1 Matroska video of {@code frames} grey frames at a constant rate. */
  public static Path lossless(Path file, int frames, double fps, int width, int height) {
    return encoded(file, "matroska", avcodec.AV_CODEC_ID_FFV1, avutil.AV_PIX_FMT_YUV444P, frames, fps, width, height);
  }

  /** An H.264 MP4 of {@code frames} grey frames, as most real footage is. */
  public static Path h264(Path file, int frames, double fps, int width, int height) {
    return encoded(file, "mp4", avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV420P, frames, fps, width, height);
  }

  /** A video in any container and codec JavaCV's FFmpeg encodes, at a constant rate. */
  public static Path encoded(Path file, String format, int codec, int pixelFormat, int frames, double fps,
      int width, int height) {
    double[] times = new double[frames];
    Arrays.setAll(times, i -> i / fps);
    return write(file, format, codec, pixelFormat, fps, width, height, times);
  }

  /** A lossless video whose frames are stamped at the given media times (variable frame rate). */
  public static Path variableRate(Path file, double[] times, int width, int height) {
    return write(file, "matroska", avcodec.AV_CODEC_ID_FFV1, avutil.AV_PIX_FMT_YUV444P, 1000, width, height, times);
  }

  private static Path write(Path file, String format, int codec, int pixelFormat, double fps, int width, int height,
      double[] times) {
    avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
      recorder.setFormat(format);
      recorder.setVideoCodec(codec);
      recorder.setPixelFormat(pixelFormat);
      recorder.setFrameRate(fps);
      recorder.setGopSize(10);
      recorder.setVideoQuality(0);
      recorder.start();
      Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
      ByteBuffer pixels = (ByteBuffer) frame.image[0];
      byte[] row = new byte[frame.imageStride];
      for (int i = 0; i < times.length; i++) {
        Arrays.fill(row, (byte) level(i));
        for (int y = 0; y < height; y++) {
          pixels.position(y * frame.imageStride);
          pixels.put(row);
        }
        pixels.rewind();
        recorder.setTimestamp(Math.round(times[i] * 1e6));
        recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
      }
      recorder.stop();
    } catch (org.bytedeco.javacv.FrameRecorder.Exception e) {
      throw new IllegalStateException("cannot write test video " + file, e);
    }
    return file;
  }

  /** A copy of a file with bytes replaced by noise from {@code fromFraction} to {@code toFraction} of its length. */
  public static Path damaged(Path original, Path copy, double fromFraction, double toFraction) {
    try {
      byte[] bytes = Files.readAllBytes(original);
      java.util.Random noise = new java.util.Random(1);
      for (int i = (int) (bytes.length * fromFraction); i < (int) (bytes.length * toFraction); i++) {
        bytes[i] = (byte) noise.nextInt(256);
      }
      return Files.write(copy, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
