package dev.lofi.ingest.decode;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a video with JavaCV's FFmpeg grabber, every frame in stream order, converting to
 * square RGB only the frames the caller asks for. Frames are squashed to {@code size x size}
 * (aspect ratio not kept, nothing cropped away: an action at the edge of the picture stays in it)
 * by FFmpeg's area scaler in the same native pass that converts YUV to RGB.
 */
public final class VideoDecoder implements AutoCloseable {

  static {
    // Corrupt streams make FFmpeg log every bad packet; lofi reports each failed file in one line.
    avutil.av_log_set_level(avutil.AV_LOG_FATAL);
  }

  private static final String NOT_READABLE = "not a video FFmpeg can read";
  private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");

  private final String source;
  private final FFmpegFrameGrabber grabber;
  private final int size;
  // NaN until the first frame of a stream opened without a probe.
  private double firstFrameSeconds;

  private VideoDecoder(String source, FFmpegFrameGrabber grabber, int size, double firstFrameSeconds) {
    this.source = source;
    this.grabber = grabber;
    this.size = size;
    this.firstFrameSeconds = firstFrameSeconds;
  }

  /** Opens a video for decoding to {@code size x size} RGB, with media time 0 at {@code probe}'s first frame. */
  public static VideoDecoder open(VideoProbe probe, int size) {
    FFmpegFrameGrabber grabber = scalingGrabber(probe.source(), size);
    start(probe.source(), grabber, NOT_READABLE);
    return new VideoDecoder(probe.source(), grabber, size, probe.firstFrameSeconds());
  }

  /**
   * Opens a source that cannot be probed ahead, a camera or a network stream, for decoding to
   * {@code size x size} RGB, with media time 0 at its first decoded frame.
   *
   * @param format FFmpeg's input format where the source's name does not imply it (e.g.
   *     {@code video4linux2} for a camera device), else null
   * @param options FFmpeg options for opening and reading, such as timeouts
   */
  public static VideoDecoder openStream(String source, String format, Map<String, String> options, int size) {
    FFmpegFrameGrabber grabber = scalingGrabber(source, size);
    if (format != null) {
      grabber.setFormat(format);
    }
    options.forEach(grabber::setOption);
    start(source, grabber, "cannot open the stream");
    try {
      videoStream(source, grabber);
    } catch (VideoDecodeException e) {
      closeQuietly(grabber);
      throw e;
    }
    return new VideoDecoder(source, grabber, size, Double.NaN);
  }

  /**
   * Reads a video's packets once, without decoding them, to measure what its header may
   * misreport: first and last frame times and the frame count, and where its streams end.
   */
  public static VideoProbe probe(String source) {
    requireReadableFile(source);
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source);
    start(source, grabber, NOT_READABLE);
    try {
      AVStream avStream = videoStream(source, grabber);
      PacketTally tally = new PacketTally(grabber.getFormatContext(), grabber.getVideoStream());
      AVPacket packet;
      while ((packet = grabber.grabPacket()) != null) {
        tally.add(packet);
        // grabPacket hands over a reference the caller must release.
        avcodec.av_packet_unref(packet);
      }
      if (!tally.hasFrames()) {
        throw new VideoDecodeException(source, "the video stream holds no frames with timestamps");
      }
      return tally.probe(source, grabber.getFormat(), grabber.getVideoCodecName(), grabber.getImageWidth(),
          grabber.getImageHeight(), nominalFps(grabber, avStream), grabber.getVideoMetadata("DURATION"));
    } catch (FrameGrabber.Exception e) {
      throw new VideoDecodeException(source, "cannot read packets: " + e.getMessage(), e);
    } finally {
      closeQuietly(grabber);
    }
  }

  /**
   * The next frame, converted to RGB if {@code convert}; null at the end of the stream.
   *
   * @throws VideoDecodeException if FFmpeg fails mid-stream (a corrupt or truncated file)
   */
  public DecodedFrame next(boolean convert) {
    Frame frame;
    try {
      frame = grabber.grabFrame(false, true, convert, false, false);
    } catch (FrameGrabber.Exception e) {
      throw new VideoDecodeException(source, "decoding failed: " + e.getMessage(), e);
    }
    if (frame == null) {
      return null;
    }
    if (Double.isNaN(firstFrameSeconds)) {
      firstFrameSeconds = frame.timestamp / 1e6;
    }
    double seconds = frame.timestamp / 1e6 - firstFrameSeconds;
    return new DecodedFrame(seconds, convert ? copyRgb(frame) : null);
  }

  /** The side of the converted frames. */
  public int size() {
    return size;
  }

  /** Width of the source's frames, before squashing. */
  public int sourceWidth() {
    return videoStream(source, grabber).codecpar().width();
  }

  /** Height of the source's frames, before squashing. */
  public int sourceHeight() {
    return videoStream(source, grabber).codecpar().height();
  }

  /** The nominal frame rate: declared by the stream, else its average, else 25. */
  public double frameRate() {
    return nominalFps(grabber, videoStream(source, grabber));
  }

  @Override
  public void close() {
    closeQuietly(grabber);
  }

  private byte[] copyRgb(Frame frame) {
    if (frame.image == null || frame.imageWidth != size || frame.imageHeight != size) {
      throw new VideoDecodeException(source, "FFmpeg returned no " + size + "x" + size + " RGB picture");
    }
    ByteBuffer pixels = ((ByteBuffer) frame.image[0]).duplicate();
    int row = size * 3;
    byte[] rgb = new byte[row * size];
    // FFmpeg may pad rows; copy them one by one.
    for (int y = 0; y < size; y++) {
      pixels.position(y * frame.imageStride);
      pixels.get(rgb, y * row, row);
    }
    return rgb;
  }

  private static FFmpegFrameGrabber scalingGrabber(String source, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("output size must be positive, got " + size);
    }
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source);
    grabber.setImageWidth(size);
    grabber.setImageHeight(size);
    grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
    grabber.setImageScalingFlags(swscale.SWS_AREA);
    return grabber;
  }

  /** The started grabber's video stream; a source without one is refused. */
  private static AVStream videoStream(String source, FFmpegFrameGrabber grabber) {
    int stream = grabber.getVideoStream();
    if (stream < 0 || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
      throw new VideoDecodeException(source, "no video stream (format " + grabber.getFormat() + ")");
    }
    return grabber.getFormatContext().streams(stream);
  }

  private static double nominalFps(FFmpegFrameGrabber grabber, AVStream stream) {
    double fps = grabber.getVideoFrameRate();
    if (!(fps > 0) || Double.isInfinite(fps)) {
      AVRational avg = stream.avg_frame_rate();
      fps = avg.den() > 0 ? (double) avg.num() / avg.den() : 0;
    }
    return fps > 0 && fps < 1000 ? fps : 25.0;
  }

  private static void requireReadableFile(String source) {
    if (source.contains("://")) {
      return;
    }
    Path path = Path.of(source);
    if (!Files.isRegularFile(path)) {
      throw new VideoDecodeException(source, Files.exists(path) ? "not a regular file" : "no such file");
    }
    try {
      if (Files.size(path) == 0) {
        throw new VideoDecodeException(source, "empty file");
      }
    } catch (java.io.IOException e) {
      throw new VideoDecodeException(source, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Starts {@code grabber}; a failure reads {@code failure (FFmpeg's reason)}. */
  private static void start(String source, FFmpegFrameGrabber grabber, String failure) {
    try {
      grabber.start();
    } catch (FrameGrabber.Exception e) {
      closeQuietly(grabber);
      throw new VideoDecodeException(source, failure + " (" + ffmpegReason(e) + ")", e);
    }
  }

  /** FFmpeg's own words for a grabber error: JavaCV reports only the error number. */
  private static String ffmpegReason(Exception e) {
    String message = String.valueOf(e.getMessage());
    Matcher code = ERROR_CODE.matcher(message);
    if (code.find()) {
      try (BytePointer text = new BytePointer(256)) {
        if (avutil.av_strerror(Integer.parseInt(code.group(1)), text, 256) == 0) {
          byte[] bytes = new byte[256];
          text.get(bytes);
          int end = 0;
          while (end < bytes.length && bytes[end] != 0) {
            end++;
          }
          return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    int hint = message.indexOf(" (Has setFormat()");
    return hint > 0 ? message.substring(0, hint) : message;
  }

  private static void closeQuietly(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (Exception ignored) {
      // Closing a grabber that failed to start can fail again; the first error is what matters.
    }
  }
}
