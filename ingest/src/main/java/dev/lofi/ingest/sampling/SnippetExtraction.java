package dev.lofi.ingest.sampling;

import dev.lofi.ingest.decode.DecodedFrame;
import dev.lofi.ingest.decode.VideoDecodeException;
import dev.lofi.ingest.decode.VideoDecoder;
import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import java.util.List;
import java.util.function.Consumer;

/** One decode pass over a video that produces the snippets of every requested fidelity. */
public final class SnippetExtraction {

  /** What a pass did: frames decoded, and how many of them were converted to RGB. */
  public record Stats(long decodedFrames, long convertedFrames) {}

  /**
   * FFmpeg conceals damaged packets by dropping frames; beyond this share of dropped frames the
   * snippets would be built from whatever frames survived, so the video is refused instead.
   */
  private static final double MAX_LOST_FRAMES = 0.1;

  /**
   * How far short of what its container declares a whole file's packets may end: headers round
   * durations, and tracks end a frame or two apart. Cut files lose far more.
   */
  private static final double END_SLACK_SECONDS = 0.5;
  private static final int END_SLACK_FRAMES = 3;

  private SnippetExtraction() {}

  /**
   * Decodes {@code probe}'s video once and hands each finished snippet to {@code sink}.
   *
   * @throws VideoDecodeException if the file is cut short of what its container declares (then
   *     nothing is decoded), decoding fails, or the decoded frames end before every snippet is
   *     full: the snippets already handed on must then be discarded
   */
  public static Stats run(String videoId, VideoProbe probe, List<Fidelity> fidelities, Consumer<ClipSnippet> sink) {
    requireWhole(probe);
    List<SnippetSchedule> schedules = fidelities.stream()
        .map(f -> new SnippetSchedule(f, probe.durationSeconds(), probe.lastFrameSeconds(), probe.fps()))
        .toList();
    try (MultiFidelitySampler sampler = new MultiFidelitySampler(videoId, schedules, probe.frameSeconds(), sink)) {
      return run(probe, sampler);
    }
  }

  /**
   * Refuses a truncated file: neither its frames nor its other streams' packets reach the end its
   * container declares. A video track shorter than the audio is whole.
   */
  private static void requireWhole(VideoProbe probe) {
    double slack = Math.max(END_SLACK_SECONDS, END_SLACK_FRAMES * probe.frameSeconds());
    // A container that declares nothing (NaN) cannot be found short.
    if (probe.streamsEndSeconds() < probe.declaredSeconds() - slack) {
      throw new VideoDecodeException(probe.source(), String.format(
          "frames end at %.2f s; the container says %.2f s (truncated file)",
          probe.durationSeconds(), probe.declaredSeconds()));
    }
  }

  private static Stats run(VideoProbe probe, MultiFidelitySampler sampler) {
    long decoded = 0;
    long converted = 0;
    double latest = Double.NEGATIVE_INFINITY;
    try (VideoDecoder decoder = VideoDecoder.open(probe, sampler.decodeSize())) {
      DecodedFrame frame;
      // The probe knows when each frame is due, so the frame after a gap is converted if a snippet needs it.
      while (!sampler.complete() && (frame = decoder.next(sampler.wants(probe.frameAfter(latest)))) != null) {
        decoded++;
        converted += frame.converted() ? 1 : 0;
        sampler.accept(frame);
        latest = frame.mediaSeconds();
      }
    }
    int expected = probe.framesUpTo(latest);
    if (decoded < expected * (1 - MAX_LOST_FRAMES) - 2) {
      throw new VideoDecodeException(probe.source(), String.format(
          "%d of the %d frames up to %.2f s could not be decoded (corrupt stream)",
          expected - decoded, expected, latest));
    }
    if (!sampler.complete()) {
      throw new VideoDecodeException(probe.source(), String.format(
          "decoded frames end at %.2f s; its packets reach %.2f s (corrupt end)",
          probe.frameAfter(latest), probe.durationSeconds()));
    }
    return new Stats(decoded, converted);
  }
}
