package dev.lofi.ingest;

import dev.lofi.ingest.encode.VideoWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Real video files for tests, written with JavaCV. Frame {@code i} is one flat grey level,
 * {@link #level(int)}, so a test can tell from decoded pixels which source frame it got.
 */
public final class TestVideos {

  /** The size and rate of {@link #gray(Path, int)}'s videos. */
  public static final int WIDTH = 64;
  public static final int HEIGHT = 48;
  public static final double FPS = 15;
  /** Levels repeat after this many frames; tests that check frame identity stay below it or wrap. */
  public static final int DISTINCT_FRAMES = 32;

  /** H.264 and AAC, as cameras and phones write them, in MOV, MP4 and Matroska. */
  public static final VideoWriter.Format H264_AAC_MOV = h264With("mov");
  public static final VideoWriter.Format H264_AAC_MP4 = h264With("mp4");
  public static final VideoWriter.Format H264_AAC_MKV = h264With("matroska");

  // 7 apart survives lossy codecs; 16 + 31 * 7 stays clear of the clipped ends of the range.
  private static final int FIRST_LEVEL = 16;
  private static final int LEVEL_STEP = 7;

  private TestVideos() {}

  /** The grey level of frame {@code index}. */
  public static int level(int index) {
    return FIRST_LEVEL + (index * LEVEL_STEP) % (DISTINCT_FRAMES * LEVEL_STEP);
  }

  /** The frame index (modulo {@link #DISTINCT_FRAMES}) whose grey level is nearest to {@code grey}. */
  public static int indexOfLevel(double grey) {
    return Math.floorMod(Math.round((grey - FIRST_LEVEL) / LEVEL_STEP), DISTINCT_FRAMES);
  }

  /** The frame index whose level is nearest to the mean of {@code length} bytes of {@code rgb} from {@code offset}. */
  public static int frameOf(byte[] rgb, int offset, int length) {
    long sum = 0;
    for (int i = offset; i < offset + length; i++) {
      sum += rgb[i] & 0xFF;
    }
    return indexOfLevel((double) sum / length);
  }

  /**
   * {@code frames} frames of {@link #WIDTH} x {@link #HEIGHT} at {@link #FPS} in MPEG-4 part 2, in
   * the container the file name says ({@code .mp4}, {@code .ts}, {@code .mkv}).
   */
  public static Path gray(Path file, int frames) {
    String name = file.getFileName().toString();
    String container = name.endsWith(".ts") ? "mpegts" : name.endsWith(".mkv") ? "matroska" : "mp4";
    return encoded(file, container, avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P, frames, FPS, WIDTH, HEIGHT);
  }

  /** A lossless FFV1 Matroska video of {@code frames} grey frames at a constant rate. */
  public static Path lossless(Path file, int frames, double fps, int width, int height) {
    VideoWriter.Format ffv1 = VideoWriter.Format.FFV1_MKV;
    return encoded(file, ffv1.container(), ffv1.codec(), ffv1.pixelFormat(), frames, fps, width, height);
  }

  /** An H.264 MP4 of {@code frames} grey frames, as most real footage is. */
  public static Path h264(Path file, int frames, double fps, int width, int height) {
    VideoWriter.Format h264 = VideoWriter.Format.H264_MP4;
    return encoded(file, h264.container(), h264.codec(), h264.pixelFormat(), frames, fps, width, height);
  }

  /** A video in any container and codec JavaCV's FFmpeg encodes, at a constant rate. */
  public static Path encoded(Path file, String format, int codec, int pixelFormat, int frames, double fps,
      int width, int height) {
    double[] times = new double[frames];
    Arrays.setAll(times, i -> i / fps);
    return write(file, new VideoWriter.Format(format, codec, pixelFormat), fps, width, height, times, 0);
  }

  /** A lossless video whose frames are stamped at the given media times (variable frame rate). */
  public static Path variableRate(Path file, double[] times, int width, int height) {
    return write(file, VideoWriter.Format.FFV1_MKV, 1000, width, height, times, 0);
  }

  /**
   * A file as cameras and phones write them: frames stamped at {@code times} (which may start
   * late and vary in rate), and a silent audio track from 0 to {@code audioSeconds}, longer or
   * shorter than the video, interleaved with it.
   *
   * @param format a format {@link VideoWriter.Format#withAudio with audio}, with B-frames or not
   * @param ticksPerSecond the time base timestamps are rounded to; also the nominal rate the
   *     encoder is told
   */
  public static Path camera(Path file, VideoWriter.Format format, double ticksPerSecond, int width, int height,
      double[] times, double audioSeconds) {
    if (!format.hasAudio()) {
      throw new IllegalArgumentException("a camera file has audio: use Format.withAudio");
    }
    return write(file, format, ticksPerSecond, width, height, times, audioSeconds);
  }

  private static VideoWriter.Format h264With(String container) {
    return new VideoWriter.Format(container, avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV420P)
        .withAudio(avcodec.AV_CODEC_ID_AAC);
  }

  private static Path write(Path file, VideoWriter.Format format, double fps, int width, int height, double[] times,
      double audioSeconds) {
    byte[] bgr = new byte[width * height * 3];
    long audioEnd = Math.round(audioSeconds * 1e6);
    try (VideoWriter writer = VideoWriter.open(file, format, width, height, fps, 0)) {
      for (int i = 0; i < times.length; i++) {
        long micros = Math.round(times[i] * 1e6);
        if (format.hasAudio()) {
          writer.writeAudio(Math.min(micros, audioEnd));
        }
        Arrays.fill(bgr, (byte) level(i));
        writer.write(bgr, micros);
      }
      if (format.hasAudio()) {
        writer.writeAudio(audioEnd);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write test video " + file, e);
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
