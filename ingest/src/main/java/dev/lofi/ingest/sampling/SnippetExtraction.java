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

  private SnippetExtraction() {}

  /**
   * Decodes {@code probe}'s video once and hands each finished snippet to {@code sink}.
   *
   * @throws VideoDecodeException if decoding fails, or the stream ends before every snippet is
   *     full (a truncated file): the snippets already handed on must then be discarded
   */
  public static Stats run(String videoId, VideoProbe probe, List<Fidelity> fidelities, Consumer<ClipSnippet> sink) {
    List<SnippetSchedule> schedules = fidelities.stream()
        .map(f -> new SnippetSchedule(f, probe.durationSeconds(), probe.lastFrameSeconds(), probe.fps()))
        .toList();
    try (MultiFidelitySampler sampler = new MultiFidelitySampler(videoId, schedules, probe.frameSeconds(), sink)) {
      return run(probe, sampler);
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
          "the stream ended before %.2f s although its packets reach %.2f s (truncated or corrupt)",
          sampler.pendingSeconds(), probe.lastFrameSeconds()));
    }
    return new Stats(decoded, converted);
  }
}
