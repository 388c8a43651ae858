package dev.lofi.ingest.bench;

import dev.lofi.ingest.decode.VideoDecoder;
import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.ingest.files.VideoFiles;
import dev.lofi.ingest.sampling.SnippetExtraction;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Times lofi's ingest path on one file (probe, one decode pass, snippets of all four fidelities;
 * no Kafka) against the ffmpeg CLI decoding every frame of the same file and scaling it to the
 * largest frame size. Both decode with FFmpeg's default threading. Each side first runs once
 * untimed (JIT, page cache), then the timed runs alternate so that a slow spell of the machine
 * hits both; medians are reported.
 */
public final class IngestBenchmark {

  /** The fidelities sampled, as ingest publishes them by default. */
  public static final List<String> FIDELITIES = FidelityPreset.NAMES;

  // JavaCV sets thread_count 0 on its decoder, and so does the ffmpeg CLI unless told -threads.
  private static final String DECODER_THREADS = "FFmpeg default (thread_count 0: auto) on both sides";

  private final FfmpegCli ffmpeg;

  public IngestBenchmark(FfmpegCli ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /** Runs the benchmark. */
  public IngestBenchResult run(IngestBenchSettings settings) {
    List<Fidelity> fidelities = settings.preset().select(FIDELITIES);
    int frameSize = fidelities.stream().mapToInt(Fidelity::frameSize).max().orElseThrow();
    Path video = settings.video();
    String videoId = VideoFiles.videoId(video);

    LofiRun first = lofiRun(video, videoId, fidelities);
    ffmpeg.decodeAndScale(video, frameSize);
    List<Double> lofiSeconds = new ArrayList<>();
    List<Double> ffmpegSeconds = new ArrayList<>();
    for (int i = 0; i < settings.runs(); i++) {
      lofiSeconds.add(lofiRun(video, videoId, fidelities).seconds());
      ffmpegSeconds.add(ffmpeg.decodeAndScale(video, frameSize));
    }

    VideoProbe probe = first.probe();
    return new IngestBenchResult(probe.frameCount(), video.toString(), settings.generatedVideo(), probe.width(),
        probe.height(), probe.codec(), probe.durationSeconds(), settings.preset().name(), frameSize, settings.runs(),
        median(lofiSeconds), median(ffmpegSeconds), lofiSeconds, ffmpegSeconds, first.stats().decodedFrames(),
        first.stats().convertedFrames(), first.snippets(), ffmpeg.version(), avutil.av_version_info().getString(),
        ffmpeg.executable() + " " + String.join(" ", FfmpegCli.decodeAndScaleArguments(video, frameSize)), DECODER_THREADS);
  }

  /** One pass of lofi's ingest path, and how long it took. */
  private record LofiRun(VideoProbe probe, SnippetExtraction.Stats stats, Map<String, Integer> snippets,
      double seconds) {}

  private static LofiRun lofiRun(Path video, String videoId, List<Fidelity> fidelities) {
    Map<String, Integer> snippets = new LinkedHashMap<>();
    fidelities.forEach(f -> snippets.put(f.name(), 0));
    long start = System.nanoTime();
    // The probe is part of the cost: ingest reads every file's packets once before decoding it.
    VideoProbe probe = VideoDecoder.probe(video.toString());
    SnippetExtraction.Stats stats = SnippetExtraction.run(videoId, probe, fidelities,
        snippet -> snippets.merge(snippet.fidelity(), 1, Integer::sum));
    return new LofiRun(probe, stats, snippets, (System.nanoTime() - start) / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
