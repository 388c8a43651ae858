package dev.lofi.ingest.live;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes small test videos whose frame {@code k} is a uniform gray of {@link #level}{@code (k)}, so
 * that a decoded frame tells which source frame it was ({@link #frameOf}). MPEG-4 Part 2 keeps a
 * flat gray within a level or two, and encodes 64x48 frames in microseconds.
 */
public final class GrayVideos {

  static {
    // FFmpeg describes every file it writes on stderr; the tests' output should say what failed.
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  public static final int WIDTH = 64;
  public static final int HEIGHT = 48;
  public static final double FPS = 15;
  /** Levels repeat after this many frames; tests that check frame identity stay below it. */
  public static final int DISTINCT_FRAMES = 32;

  private static final int FIRST_LEVEL = 16;
  private static final int STEP = 7;

  private GrayVideos() {}

  /** Writes {@code frames} frames at {@link #FPS}; the container follows the file name (.mp4, .ts, ...). */
  public static Path write(Path file, int frames) {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), WIDTH, HEIGHT, 0)) {
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(FPS);
      recorder.start();
      Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
      ByteBuffer pixels = (ByteBuffer) frame.image[0];
      for (int k = 0; k < frames; k++) {
        byte level = (byte) level(k);
        for (int i = 0; i < pixels.capacity(); i++) {
          pixels.put(i, level);
        }
        recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
      }
      recorder.stop();
    } catch (FrameRecorder.Exception e) {
      throw new IllegalStateException("cannot write test video " + file, e);
    }
    return file;
  }

  /** The gray level of frame {@code k}. */
  public static int level(int k) {
    return FIRST_LEVEL + (k * STEP) % (DISTINCT_FRAMES * STEP);
  }

  /** The frame (below {@link #DISTINCT_FRAMES}) whose level is nearest to the mean of {@code rgb}. */
  public static int frameOf(byte[] rgb, int offset, int length) {
    long sum = 0;
    for (int i = offset; i < offset + length; i++) {
      sum += rgb[i] & 0xFF;
    }
    return (int) Math.round(((double) sum / length - FIRST_LEVEL) / STEP);
  }
}
