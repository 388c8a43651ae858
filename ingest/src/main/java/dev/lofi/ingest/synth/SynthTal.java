package dev.lofi.ingest.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lofi.ingest.annotation.ActivityNetFormat;
import dev.lofi.ingest.encode.VideoWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SynthTAL, a synthetic temporal action localization set in which actions differ only by motion over
 * time. Writes {@code videos/<id>.mp4} and {@code annotations.json} (ActivityNet format, subsets
 * {@code training} and {@code validation}), and, for the encoder's classification pre-training,
 * {@code trimmed/<label>_<n>.mp4} with {@code trimmed/index.json} and {@code trimmed/annotations.json}
 * (ActivityNet format, subset {@code pretrain}, one segment over each whole clip, labelled with its
 * class or {@code background}), so that {@code lofi ingest --videos DIR/trimmed --annotations
 * DIR/trimmed/annotations.json} publishes them like any video.
 */
public final class SynthTal {

  /**
   * Bits per pixel per frame: enough for edges and texture to survive while the encoder smooths
   * part of the sensor noise away, as in real compressed footage, and files stay small.
   */
  private static final double BITS_PER_PIXEL = 0.6;

  public static final String VIDEOS_DIR = "videos";
  public static final String ANNOTATIONS_FILE = "annotations.json";
  public static final String TRIMMED_DIR = "trimmed";
  public static final String TRIMMED_INDEX_FILE = "index.json";

  private SynthTal() {}

  /**
   * Plans the set {@code config} describes, renders and encodes it, one video per core at a time,
   * and reports each finished file to {@code progress} on the calling thread. The files do not
   * depend on the number of cores.
   */
  public static SynthTalSummary generate(SynthTalConfig config, SynthListener progress) throws IOException {
    long started = System.nanoTime();
    SynthPlan plan = SynthPlan.of(config);
    Path out = config.outDir();
    Map<Path, VideoPlan> files = new LinkedHashMap<>();
    Path videosDir = Files.createDirectories(out.resolve(VIDEOS_DIR));
    plan.videos().forEach(video -> files.put(videosDir.resolve(video.id() + ".mp4"), video));
    Path trimmedDir = Files.createDirectories(out.resolve(TRIMMED_DIR));
    plan.clips().forEach(clip -> files.put(trimmedDir.resolve(clip.file()), clip.plan()));
    long frames = encodeAll(files, progress);
    // Indexes last: a reader that finds them may take every file they name to be complete.
    Path annotations = out.resolve(ANNOTATIONS_FILE);
    ActivityNetFormat.write(annotations, plan.annotations());
    Path index = trimmedDir.resolve(TRIMMED_INDEX_FILE);
    writeTrimmedIndex(index, plan.clips());
    Path trimmedAnnotations = trimmedDir.resolve(ANNOTATIONS_FILE);
    ActivityNetFormat.write(trimmedAnnotations, plan.trimmedAnnotations());
    return new SynthTalSummary(annotations, index, trimmedAnnotations, plan.videos().size(), plan.clips().size(), frames,
        plan.taxonomy(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Renders and encodes one video; returns its frame count. */
  static int encode(VideoPlan video, Path file) throws IOException {
    FrameRenderer renderer = new FrameRenderer(video);
    byte[] bgr = new byte[renderer.frameBytes()];
    try (VideoWriter writer = VideoWriter.open(file, VideoWriter.Format.H264_MP4, renderer.width(), renderer.height(),
        video.preset().fps(), BITS_PER_PIXEL)) {
      for (int frame = 0; frame < renderer.frames(); frame++) {
        renderer.render(frame, bgr);
        writer.write(bgr);
      }
    }
    return renderer.frames();
  }

  /** Encodes every file in parallel (each encoder is single-threaded); returns the frames written. */
  private static long encodeAll(Map<Path, VideoPlan> files, SynthListener progress) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
      files.forEach((file, video) -> done.submit(() -> {
        try {
          return encode(video, file);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
      }));
      long frames = 0;
      for (int finished = 1; finished <= files.size(); finished++) {
        frames += done.take().get();
        progress.videoWritten(finished, files.size());
      }
      return frames;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while encoding SynthTAL videos");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException("SynthTAL rendering failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void writeTrimmedIndex(Path file, List<TrimmedClip> clips) throws IOException {
    List<IndexEntry> entries = clips.stream().map(clip -> new IndexEntry(clip.file(), clip.label())).toList();
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), entries);
  }

  /** One entry of the trimmed index: the clip's file, relative to the index, and its label. */
  private record IndexEntry(String file, String label) {}
}
