package dev.lofi.ingest.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders an ingest benchmark result: one JSON object for tools, a few lines for people. */
public final class IngestBenchReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestBenchReport() {}

  /** The result as one JSON object on one line. */
  public static String json(IngestBenchResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the benchmark result as JSON", e);
    }
  }

  /** The result as a short report, one fact per line. */
  public static String text(IngestBenchResult r) {
    String snippets = r.snippets().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
    return String.join(System.lineSeparator(),
        "video   " + r.video() + (r.videoGenerated() ? "  (generated test video: no --video given)" : ""),
        String.format(Locale.ROOT, "        %dx%d %s, %.2f s, %d frames", r.width(), r.height(), r.codec(),
            r.durationSeconds(), r.frames()),
        String.format(Locale.ROOT, "lofi    %7.1f frames/s  median %.3f s of %d runs: probe, decode, preset %s (%s);"
            + " %d frames decoded, %d converted", r.fps(), r.seconds(), r.runs(), r.preset(), snippets,
            r.decodedFrames(), r.convertedFrames()),
        String.format(Locale.ROOT, "ffmpeg  %7.1f frames/s  median %.3f s of %d runs: ffmpeg %s CLI, every frame"
            + " decoded and scaled to %dx%d, process start-up included", r.ffmpegFps(), r.ffmpegSeconds(), r.runs(),
            r.ffmpegVersion(), r.frameSize(), r.frameSize()),
        String.format(Locale.ROOT, "ratio   %.2f (lofi / ffmpeg; above 1 lofi is faster); decoder threads: %s",
            r.ratio(), r.decoderThreads()));
  }
}
