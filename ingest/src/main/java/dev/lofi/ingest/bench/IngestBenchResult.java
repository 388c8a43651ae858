package dev.lofi.ingest.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ingest benchmark measured; its JSON form (snake_case keys, the contract's four first) is
 * what {@code lofi bench ingest --json} prints.
 *
 * @param frames frames in the video, the work unit of both rates
 * @param video the video file
 * @param videoGenerated whether the video was generated because none was given
 * @param width coded frame width
 * @param height coded frame height
 * @param codec the video codec
 * @param durationSeconds media duration
 * @param preset the fidelity preset sampled
 * @param frameSize the largest frame size of the preset, which ffmpeg scales to
 * @param runs timed runs of each side
 * @param seconds median seconds of lofi: probe, decode and sampling of all fidelities
 * @param ffmpegSeconds median wall-clock seconds of the ffmpeg process, start-up included
 * @param runSeconds every timed run of lofi, in order
 * @param ffmpegRunSeconds every timed run of ffmpeg, in order
 * @param decodedFrames frames lofi decoded (it stops once the last snippet is full)
 * @param convertedFrames frames lofi converted to RGB (only those some snippet takes)
 * @param snippets snippets produced per fidelity
 * @param ffmpegVersion the ffmpeg CLI's version
 * @param libraryFfmpegVersion the version of the FFmpeg libraries lofi decodes with (JavaCV's)
 * @param ffmpegCommand the ffmpeg command line that was timed
 * @param decoderThreads decoder threading of both sides
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"frames", "fps", "ffmpeg_fps", "ratio"})
public record IngestBenchResult(long frames, String video, boolean videoGenerated, int width, int height,
    String codec, double durationSeconds, String preset, int frameSize, int runs, double seconds,
    double ffmpegSeconds, List<Double> runSeconds, List<Double> ffmpegRunSeconds, long decodedFrames,
    long convertedFrames, Map<String, Integer> snippets, String ffmpegVersion, String libraryFfmpegVersion,
    String ffmpegCommand, String decoderThreads) {

  public IngestBenchResult {
    runSeconds = List.copyOf(runSeconds);
    ffmpegRunSeconds = List.copyOf(ffmpegRunSeconds);
    // Unmodifiable, in the given (fidelity) order.
    snippets = Collections.unmodifiableMap(new LinkedHashMap<>(snippets));
  }

  /** Video frames per second through lofi's decode and sampling. */
  @JsonProperty("fps")
  public double fps() {
    return frames / seconds;
  }

  /** Video frames per second through the ffmpeg CLI. */
  @JsonProperty("ffmpeg_fps")
  public double ffmpegFps() {
    return frames / ffmpegSeconds;
  }

  /** {@code fps / ffmpeg_fps}: above 1, lofi is faster. */
  @JsonProperty("ratio")
  public double ratio() {
    return fps() / ffmpegFps();
  }
}
