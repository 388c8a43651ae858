package dev.lofi.ingest;

import dev.lofi.ingest.encode.VideoWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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
    return write(file, format, codec, pixelFormat, fps, width, height, times);
  }

  /** A lossless video whose frames are stamped at the given media times (variable frame rate). */
  public static Path variableRate(Path file, double[] times, int width, int height) {
    VideoWriter.Format ffv1 = VideoWriter.Format.FFV1_MKV;
    return write(file, ffv1.container(), ffv1.codec(), ffv1.pixelFormat(), 1000, width, height, times);
  }

  private static Path write(Path file, String format, int codec, int pixelFormat, double fps, int width, int height,
      double[] times) {
    byte[] bgr = new byte[width * height * 3];
    try (VideoWriter writer = VideoWriter.open(file, new VideoWriter.Format(format, codec, pixelFormat), width, height,
        fps, 0)) {
      for (int i = 0; i < times.length; i++) {
        Arrays.fill(bgr, (byte) level(i));
        writer.write(bgr, Math.round(times[i] * 1e6));
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
