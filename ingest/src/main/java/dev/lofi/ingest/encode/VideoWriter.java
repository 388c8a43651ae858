package dev.lofi.ingest.encode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes BGR frames to a video file with JavaCV's FFmpeg recorder: SynthTAL's videos, the
 * benchmark's default video, and the tests' media (with a silent audio track and B-frames where
 * they mimic camera files). One encoder thread, so that the same frames always give the same bytes
 * (files are encoded in parallel instead).
 */
public final class VideoWriter implements AutoCloseable {

  /**
   * A container, codec and pixel format, and what camera files add: B-frames and an audio track.
   *
   * @param container FFmpeg's name of the container, e.g. {@code mp4}, {@code matroska}
   * @param codec an {@code AV_CODEC_ID_*}
   * @param pixelFormat an {@code AV_PIX_FMT_*} the codec encodes
   * @param bFrames most B-frames between reference frames, for codecs that have them (OpenH264 has none)
   * @param audioCodec the {@code AV_CODEC_ID_*} of a mono audio track, or {@code AV_CODEC_ID_NONE}
   */
  public record Format(String container, int codec, int pixelFormat, int bFrames, int audioCodec) {
    /** H.264 in MP4, as most real footage is (OpenH264 in the LGPL build). */
    public static final Format H264_MP4 = new Format("mp4", avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV420P);
    /** Lossless FFV1 in Matroska: decoded pixels equal the written ones. */
    public static final Format FFV1_MKV = new Format("matroska", avcodec.AV_CODEC_ID_FFV1, avutil.AV_PIX_FMT_YUV444P);

    /** Video only, without B-frames. */
    public Format(String container, int codec, int pixelFormat) {
      this(container, codec, pixelFormat, 0, avcodec.AV_CODEC_ID_NONE);
    }

    /** This format with up to {@code count} B-frames between reference frames. */
    public Format withBFrames(int count) {
      return new Format(container, codec, pixelFormat, count, audioCodec);
    }

    /** This format with a mono audio track in {@code audio}, e.g. {@code AV_CODEC_ID_AAC}. */
    public Format withAudio(int audio) {
      return new Format(container, codec, pixelFormat, bFrames, audio);
    }

    /** Whether the file gets an audio track. */
    public boolean hasAudio() {
      return audioCodec != avcodec.AV_CODEC_ID_NONE;
    }
  }

  /** Sample rate of the audio track. */
  public static final int AUDIO_RATE = 48_000;

  static {
    // The encoder reports its settings at INFO; only failures are worth printing.
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private final FFmpegFrameRecorder recorder;
  private final Frame frame;
  private final int width;
  private final int height;
  private final boolean audio;
  private long audioSamples;

  private VideoWriter(FFmpegFrameRecorder recorder, int width, int height, boolean audio) {
    this.recorder = recorder;
    this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
    this.width = width;
    this.height = height;
    this.audio = audio;
  }

  /**
   * Starts a file of {@code width x height} frames at {@code fps}, a key frame every two seconds.
   *
   * @param bitsPerPixel the bit rate per pixel and frame; 0 for the codec's best quality
   */
  public static VideoWriter open(Path file, Format format, int width, int height, double fps, double bitsPerPixel)
      throws IOException {
    if (width < 2 || height < 2 || !(fps > 0) || bitsPerPixel < 0) {
      throw new IllegalArgumentException("bad video: " + width + "x" + height + " at " + fps + " fps, "
          + bitsPerPixel + " bits per pixel");
    }
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, format.hasAudio() ? 1 : 0);
    recorder.setFormat(format.container());
    recorder.setVideoCodec(format.codec());
    recorder.setPixelFormat(format.pixelFormat());
    recorder.setFrameRate(fps);
    recorder.setGopSize((int) Math.max(1, Math.round(2 * fps)));
    if (bitsPerPixel > 0) {
      recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, Math.round(width * height * fps * bitsPerPixel)));
    } else {
      recorder.setVideoQuality(0);
    }
    recorder.setVideoOption("threads", "1");
    if (format.bFrames() > 0) {
      recorder.setMaxBFrames(format.bFrames());
    }
    if (format.hasAudio()) {
      recorder.setAudioCodec(format.audioCodec());
      recorder.setSampleRate(AUDIO_RATE);
    }
    recorder.start();
    return new VideoWriter(recorder, width, height, format.hasAudio());
  }

  /** Appends one frame of {@code width * height * 3} BGR bytes, row-major, at the next frame time. */
  public void write(byte[] bgr) throws IOException {
    recorder.record(fill(bgr), avutil.AV_PIX_FMT_BGR24);
  }

  /** Appends one frame stamped at {@code micros}: for variable frame rates. */
  public void write(byte[] bgr, long micros) throws IOException {
    Frame filled = fill(bgr);
    recorder.setTimestamp(micros);
    recorder.record(filled, avutil.AV_PIX_FMT_BGR24);
  }

  /**
   * Extends the audio track with silence up to {@code micros}; written as the frames go, so that
   * the container interleaves the two tracks as a camera does.
   */
  public void writeAudio(long micros) throws IOException {
    if (!audio) {
      throw new IllegalStateException("no audio track: open with a Format.withAudio(...)");
    }
    long until = micros * AUDIO_RATE / 1_000_000;
    if (until > audioSamples) {
      int samples = Math.toIntExact(until - audioSamples);
      recorder.recordSamples(AUDIO_RATE, 1, ShortBuffer.wrap(new short[samples]));
      audioSamples = until;
    }
  }

  @Override
  public void close() throws IOException {
    try (FFmpegFrameRecorder closing = recorder) {
      closing.stop();
    }
  }

  private Frame fill(byte[] bgr) {
    if (bgr.length != width * height * 3) {
      throw new IllegalArgumentException("frame must have " + width * height * 3 + " bytes, got " + bgr.length);
    }
    ByteBuffer pixels = (ByteBuffer) frame.image[0];
    int rowBytes = width * 3;
    for (int row = 0; row < height; row++) {
      pixels.put(row * frame.imageStride, bgr, row * rowBytes, rowBytes);
    }
    return frame;
  }
}
