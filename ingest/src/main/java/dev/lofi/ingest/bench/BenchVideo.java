package dev.lofi.ingest.bench;

import dev.lofi.ingest.encode.VideoWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/**
 * A synthetic H.264 video for benchmarking decoding when no real one is given: a noisy texture that
 * pans, with coloured discs moving across it, so the encoder has motion and detail to code (a
 * still or flat picture would compress to almost nothing and decode unrealistically fast).
 * Deterministic: the same size and length always give the same pictures.
 *
 * @param width frame width, even
 * @param height frame height, even
 * @param fps frames per second
 * @param seconds length
 */
public record BenchVideo(int width, int height, int fps, int seconds) {

  /** The default benchmark video: 1280x720, 30 fps, 10 s. */
  public static final BenchVideo HD_720P = new BenchVideo(1280, 720, 30, 10);

  // About 4 Mbit/s at 720p30: a usual rate for web video of this size.
  private static final double BITS_PER_PIXEL = 0.15;
  private static final int DISCS = 6;
  private static final int PAN_PIXELS_PER_FRAME = 3;
  private static final long SEED = 20211206L;

  public BenchVideo {
    // H.264 with 4:2:0 chroma needs even sides.
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("video size must be even and at least 16x16, got " + width + "x" + height);
    }
    if (fps < 1 || fps > 240) {
      throw new IllegalArgumentException("fps must be 1..240, got " + fps);
    }
    if (seconds < 1) {
      throw new IllegalArgumentException("length must be at least 1 s, got " + seconds);
    }
  }

  /** Frames the video holds. */
  public int frames() {
    return fps * seconds;
  }

  /** The file name that identifies this video, e.g. {@code lofi-bench-1280x720-30fps-10s.mp4}. */
  public String fileName() {
    return String.format("lofi-bench-%dx%d-%dfps-%ds.mp4", width, height, fps, seconds);
  }

  /** This video in {@code dir}, written there only if it is not there yet. */
  public Path cachedIn(Path dir) {
    Path file = dir.resolve(fileName());
    if (!Files.isRegularFile(file)) {
      try {
        Files.createDirectories(dir);
        // Written aside and moved into place: an interrupted write never leaves a half video to reuse.
        Path partial = Files.createTempFile(dir, fileName(), ".part");
        write(partial);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the benchmark video in " + dir + ": " + e.getMessage(), e);
      }
    }
    return file;
  }

  /** Encodes the video to {@code file} as H.264 in MP4, replacing what is there. */
  public void write(Path file) {
    Random random = new Random(SEED);
    byte[] texture = texture(random);
    Disc[] discs = new Disc[DISCS];
    for (int i = 0; i < DISCS; i++) {
      discs[i] = Disc.random(random, Math.max(2, height / 10));
    }
    byte[] picture = new byte[width * height * 3];
    try (VideoWriter writer = VideoWriter.open(file, VideoWriter.Format.H264_MP4, width, height, fps, BITS_PER_PIXEL)) {
      for (int n = 0; n < frames(); n++) {
        paint(picture, texture, discs, n);
        writer.write(picture);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark video " + file + ": " + e.getMessage(), e);
    }
  }

  /** A disc on a Lissajous path: where it is at time {@code t} (seconds) as fractions of the frame. */
  private record Disc(double fx, double fy, double phase, int radius, byte blue, byte green, byte red) {
    static Disc random(Random random, int radius) {
      return new Disc(0.05 + 0.2 * random.nextDouble(), 0.05 + 0.2 * random.nextDouble(),
          2 * Math.PI * random.nextDouble(), radius,
          (byte) random.nextInt(256), (byte) random.nextInt(256), (byte) random.nextInt(256));
    }

    double x(double t) {
      return 0.5 + 0.45 * Math.sin(2 * Math.PI * fx * t + phase);
    }

    double y(double t) {
      return 0.5 + 0.45 * Math.cos(2 * Math.PI * fy * t + 1.3 * phase);
    }
  }

  /** A BGR texture twice the frame's width, so that panning is a row copy that wraps around. */
  private byte[] texture(Random random) {
    int textureWidth = 2 * width;
    byte[] texture = new byte[textureWidth * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < textureWidth; x++) {
        // Period of the waves divides the texture width, so the wrap shows no seam.
        double wave = Math.sin(2 * Math.PI * 8 * x / textureWidth + y * 0.021);
        int p = (y * textureWidth + x) * 3;
        for (int c = 0; c < 3; c++) {
          int value = 128 + (int) (50 * wave * (c + 1) / 3) + random.nextInt(49) - 24;
          texture[p + c] = (byte) Math.max(0, Math.min(255, value));
        }
      }
    }
    return texture;
  }

  private void paint(byte[] picture, byte[] texture, Disc[] discs, int n) {
    int textureWidth = 2 * width;
    int offset = (n * PAN_PIXELS_PER_FRAME) % textureWidth;
    int row = width * 3;
    for (int y = 0; y < height; y++) {
      int from = (y * textureWidth + offset) * 3;
      int firstPart = Math.min(row, (textureWidth - offset) * 3);
      System.arraycopy(texture, from, picture, y * row, firstPart);
      System.arraycopy(texture, y * textureWidth * 3, picture, y * row + firstPart, row - firstPart);
    }
    double t = (double) n / fps;
    for (Disc disc : discs) {
      int cx = (int) (disc.x(t) * width);
      int cy = (int) (disc.y(t) * height);
      int r = disc.radius();
      for (int y = Math.max(0, cy - r); y < Math.min(height, cy + r); y++) {
        for (int x = Math.max(0, cx - r); x < Math.min(width, cx + r); x++) {
          if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
            int p = (y * width + x) * 3;
            picture[p] = disc.blue();
            picture[p + 1] = disc.green();
            picture[p + 2] = disc.red();
          }
        }
      }
    }
  }
}
