package dev.lofi.ingest.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Counts a video's packets as they are read, keeping those the decoder will present: packets an
 * edit list leaves out (a camera's trimmed first or last frames, the frames before a cut's key
 * frame) come flagged to be decoded and dropped, and are no frames of the video.
 */
final class PacketTally {

  // Matroska muxers write each track's end as a tag, H:MM:SS.fraction.
  private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

  private final AVFormatContext format;
  private final int videoIndex;
  private final double unit;
  private final List<Long> times = new ArrayList<>();
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private long end = Long.MIN_VALUE;
  private double streamsEnd = Double.NEGATIVE_INFINITY;

  PacketTally(AVFormatContext format, int videoIndex) {
    this.format = format;
    this.videoIndex = videoIndex;
    this.unit = seconds(format.streams(videoIndex).time_base());
  }

  /** Counts one packet of any stream. */
  void add(AVPacket packet) {
    if ((packet.flags() & avcodec.AV_PKT_FLAG_DISCARD) != 0) {
      return;
    }
    long ts = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
    if (ts == avutil.AV_NOPTS_VALUE) {
      return;
    }
    long packetEnd = ts + Math.max(packet.duration(), 0);
    streamsEnd = Math.max(streamsEnd, packetEnd * seconds(format.streams(packet.stream_index()).time_base()));
    if (packet.stream_index() == videoIndex) {
      first = Math.min(first, ts);
      last = Math.max(last, ts);
      end = Math.max(end, packetEnd);
      times.add(ts);
    }
  }

  /** Whether any video frame was counted. */
  boolean hasFrames() {
    return !times.isEmpty();
  }

  /** The probe of the packets counted, timed from the first presented frame. */
  VideoProbe probe(String source, String container, String codec, int width, int height, double fps,
      String durationTag) {
    double firstSeconds = first * unit;
    double lastFrame = (last - first) * unit;
    double duration = Math.max((end - first) * unit, lastFrame + 1.0 / fps);
    double[] frameTimes = times.stream().mapToDouble(t -> (t - first) * unit).sorted().toArray();
    return new VideoProbe(source, container, codec, width, height, fps, firstSeconds, lastFrame, duration,
        declaredEnd(durationTag) - firstSeconds, Math.max(streamsEnd - firstSeconds, duration), frameTimes);
  }

  /**
   * Stream time at which the container says the video ends: the video stream's duration from its
   * start, else the end its Matroska tag gives, else the end of the whole file (audio included);
   * NaN where it says nothing or only guesses from the bit rate.
   */
  private double declaredEnd(String durationTag) {
    if (format.duration_estimation_method() == avformat.AVFMT_DURATION_FROM_BITRATE) {
      return Double.NaN;
    }
    AVStream video = format.streams(videoIndex);
    if (video.duration() != avutil.AV_NOPTS_VALUE && video.duration() > 0) {
      long start = video.start_time() != avutil.AV_NOPTS_VALUE ? video.start_time() : first;
      return (start + video.duration()) * unit;
    }
    Matcher clock = durationTag == null ? null : CLOCK.matcher(durationTag.trim());
    if (clock != null && clock.matches()) {
      return Integer.parseInt(clock.group(1)) * 3600 + Integer.parseInt(clock.group(2)) * 60
          + Double.parseDouble(clock.group(3));
    }
    if (format.duration() != avutil.AV_NOPTS_VALUE && format.duration() > 0) {
      double start = format.start_time() != avutil.AV_NOPTS_VALUE ? (double) format.start_time() / avutil.AV_TIME_BASE
          : first * unit;
      return start + (double) format.duration() / avutil.AV_TIME_BASE;
    }
    return Double.NaN;
  }

  private static double seconds(AVRational timeBase) {
    return (double) timeBase.num() / timeBase.den();
  }
}
