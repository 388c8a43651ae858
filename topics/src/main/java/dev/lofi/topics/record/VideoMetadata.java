package dev.lofi.topics.record;

/**
 * What ingest learned about a video from its container.
 *
 * @param videoId the video id; may be empty
 * @param source path or URI the video was read from
 * @param durationSeconds media duration
 * @param fps frames per second
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param frameCount frames in the video, or {@link #UNKNOWN_FRAME_COUNT} if the container does not say
 * @param subset the data set split, e.g. {@code training}, {@code validation}; null if none
 * @param ingest the ingest run whose clips are the video's current ones
 */
public record VideoMetadata(
    String videoId,
    String source,
    double durationSeconds,
    double fps,
    int width,
    int height,
    long frameCount,
    String subset,
    IngestProvenance ingest) {

  /** The frame count of a container that does not record it. */
  public static final long UNKNOWN_FRAME_COUNT = -1;

  public VideoMetadata {
    Require.nonNull("videoId", videoId);
    Require.nonBlank("source", source);
    Require.positive("durationSeconds", durationSeconds);
    Require.positive("fps", fps);
    Require.atLeast("width", width, 1);
    Require.atLeast("height", height, 1);
    Require.atLeast("frameCount", frameCount, UNKNOWN_FRAME_COUNT);
    Require.nonNull("ingest", ingest);
  }

  /** This metadata with another subset, the same ingest run's clips still current. */
  public VideoMetadata withSubset(String newSubset) {
    return new VideoMetadata(videoId, source, durationSeconds, fps, width, height, frameCount, newSubset, ingest);
  }
}
