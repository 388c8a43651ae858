package dev.lofi.topics.record;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One snippet of a video or live stream: {@code frames} RGB frames of {@code height x width x
 * channels}, row-major {@code [T, H, W, C]} in {@code payload}.
 *
 * <p>The payload array is shared, not copied: snippets are megabytes and pass through hot loops.
 * Treat it as read-only.
 *
 * @param videoId the video id, or the stream id of a live source; may be empty
 * @param fidelity the fidelity the snippet was sampled at, e.g. {@code full}, {@code st}
 * @param snippetIndex position in the video or stream, from 0
 * @param snippetCount snippets in the video, or {@link #UNKNOWN_COUNT} for a live stream
 * @param mediaStart media time of the first frame, seconds
 * @param mediaEnd media time the snippet ends at, seconds
 * @param captureEpochMillis wall-clock capture time of a live snippet, or {@link #NOT_LIVE}
 * @param endOfStream the marker a live source sends when it ends: no frames, empty payload
 * @param discontinuity the first snippet after the source dropped and reconnected
 * @param frames T
 * @param height H
 * @param width W
 * @param channels C
 * @param dtype element type of the payload
 * @param payload {@code T*H*W*C*dtype.bytes()} bytes
 */
public record ClipSnippet(
    String videoId,
    String fidelity,
    int snippetIndex,
    int snippetCount,
    double mediaStart,
    double mediaEnd,
    long captureEpochMillis,
    boolean endOfStream,
    boolean discontinuity,
    int frames,
    int height,
    int width,
    int channels,
    DType dtype,
    byte[] payload) {

  /** The snippet count of a live stream, whose length is not known in advance. */
  public static final int UNKNOWN_COUNT = -1;
  /** The capture time of a snippet that does not come from a live source. */
  public static final long NOT_LIVE = -1;

  public ClipSnippet {
    Require.nonNull("videoId", videoId);
    Require.nonBlank("fidelity", fidelity);
    Require.atLeast("snippetIndex", snippetIndex, 0);
    if (snippetCount != UNKNOWN_COUNT) {
      Require.atLeast("snippetCount", snippetCount, 1);
      if (snippetIndex >= snippetCount) {
        throw new IllegalArgumentException(
            "snippetIndex must be < snippetCount " + snippetCount + ", got " + snippetIndex);
      }
    }
    Require.finiteAtLeast("mediaStart", mediaStart, 0);
    Require.finiteAtLeast("mediaEnd", mediaEnd, mediaStart);
    Require.atLeast("captureEpochMillis", captureEpochMillis, NOT_LIVE);
    Require.nonNull("dtype", dtype);
    Require.nonNull("payload", payload);
    if (endOfStream) {
      if (frames != 0 || height != 0 || width != 0 || channels != 0) {
        throw new IllegalArgumentException("an end-of-stream marker has shape 0x0x0x0, got "
            + shape(frames, height, width, channels, dtype));
      }
    } else {
      // Only the marker may be empty: a snippet with no frames would be a silent gap downstream.
      Require.atLeast("frames", frames, 1);
      Require.atLeast("height", height, 1);
      Require.atLeast("width", width, 1);
      Require.atLeast("channels", channels, 1);
    }
    payloadMismatch(frames, height, width, channels, dtype, payload.length).ifPresent(message -> {
      throw new IllegalArgumentException(message);
    });
  }

  /** The marker a live source sends when it ends: no frames, at the media time it ended. */
  public static ClipSnippet endOfStreamMarker(
      String streamId, String fidelity, int snippetIndex, double mediaTime, long captureEpochMillis) {
    return new ClipSnippet(streamId, fidelity, snippetIndex, UNKNOWN_COUNT, mediaTime, mediaTime,
        captureEpochMillis, true, false, 0, 0, 0, 0, DType.UINT8, new byte[0]);
  }

  /**
   * The payload size a shape declares, computed in {@code long} so that a corrupt shape cannot
   * overflow; {@link Long#MAX_VALUE} when it exceeds the largest possible array.
   *
   * @throws IllegalArgumentException for a negative dimension or a null dtype
   */
  public static long payloadBytes(int frames, int height, int width, int channels, DType dtype) {
    Require.atLeast("frames", frames, 0);
    Require.atLeast("height", height, 0);
    Require.atLeast("width", width, 0);
    Require.atLeast("channels", channels, 0);
    Require.nonNull("dtype", dtype);
    // Four int dimensions can overflow even a long; stop at the first product past any array length.
    long bytes = dtype.bytes();
    for (int dimension : new int[] {frames, height, width, channels}) {
      bytes = bytes * dimension;
      if (bytes > Integer.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
    }
    return bytes;
  }

  /** Why a payload of {@code payloadLength} bytes cannot hold the shape, if it cannot. */
  static Optional<String> payloadMismatch(
      int frames, int height, int width, int channels, DType dtype, long payloadLength) {
    long declared = payloadBytes(frames, height, width, channels, dtype);
    if (declared == payloadLength) {
      return Optional.empty();
    }
    String size = declared == Long.MAX_VALUE ? "more than " + Integer.MAX_VALUE : Long.toString(declared);
    return Optional.of("declared " + shape(frames, height, width, channels, dtype) + " = " + size
        + " bytes, payload " + payloadLength + " bytes");
  }

  private static String shape(int frames, int height, int width, int channels, DType dtype) {
    return frames + "x" + height + "x" + width + "x" + channels + " " + dtype;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClipSnippet that
        && snippetIndex == that.snippetIndex
        && snippetCount == that.snippetCount
        && Double.compare(mediaStart, that.mediaStart) == 0
        && Double.compare(mediaEnd, that.mediaEnd) == 0
        && captureEpochMillis == that.captureEpochMillis
        && endOfStream == that.endOfStream
        && discontinuity == that.discontinuity
        && frames == that.frames
        && height == that.height
        && width == that.width
        && channels == that.channels
        && dtype == that.dtype
        && videoId.equals(that.videoId)
        && fidelity.equals(that.fidelity)
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(videoId, fidelity, snippetIndex, snippetCount, mediaStart, mediaEnd,
        captureEpochMillis, endOfStream, discontinuity, frames, height, width, channels, dtype)
        + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "ClipSnippet[videoId=" + videoId + ", fidelity=" + fidelity
        + ", snippet=" + snippetIndex + "/" + snippetCount
        + ", media=[" + mediaStart + ", " + mediaEnd + "]"
        + ", captureEpochMillis=" + captureEpochMillis
        + (endOfStream ? ", endOfStream" : "")
        + (discontinuity ? ", discontinuity" : "")
        + ", shape=" + shape(frames, height, width, channels, dtype)
        + ", payload=" + payload.length + " bytes]";
  }
}
