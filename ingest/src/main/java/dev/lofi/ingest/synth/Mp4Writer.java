package dev.lofi.ingest.synth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Encodes BGR frames to an H.264 MP4 file (yuv420p, OpenH264 in the LGPL build) with JavaCV's FFmpeg recorder. */
final class Mp4Writer implements AutoCloseable {

  /**
   * Bits per pixel per frame: enough for edges and texture to survive while the encoder smooths
   * part of the sensor noise away, as in real compressed footage, and files stay small.
   */
  private static final double BITS_PER_PIXEL = 0.6;

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private final FFmpegFrameRecorder recorder;
  private final Frame frame;
  private final int width;
  private final int height;

  private Mp4Writer(FFmpegFrameRecorder recorder, int width, int height) {
    this.recorder = recorder;
    this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
    this.width = width;
    this.height = height;
  }

  /** Starts a file of {@code width x height} frames at {@code fps}. */
  static Mp4Writer open(Path file, int width, int height, double fps) throws IOException {
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(fps);
    recorder.setGopSize((int) Math.round(2 * fps));
    recorder.setVideoBitrate((int) Math.round(width * height * fps * BITS_PER_PIXEL));
    // One encoder thread: the same frames then give the same bytes, and files are encoded in parallel anyway.
    recorder.setVideoOption("threads", "1");
    recorder.start();
    return new Mp4Writer(recorder, width, height);
  }

  /** Appends one frame of {@code width * height * 3} BGR bytes, row-major. */
  void write(byte[] bgr) throws IOException {
    if (bgr.length != width * height * 3) {
      throw new IllegalArgumentException("frame must have " + width * height * 3 + " bytes, got " + bgr.length);
    }
    ByteBuffer pixels = (ByteBuffer) frame.image[0];
    int rowBytes = width * 3;
    for (int row = 0; row < height; row++) {
      pixels.put(row * frame.imageStride, bgr, row * rowBytes, rowBytes);
    }
    recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
  }

  @Override
  public void close() throws IOException {
    try (FFmpegFrameRecorder closing = recorder) {
      closing.stop();
    }
  }
}
