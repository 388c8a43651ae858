package dev.lofi.cli.demo;

import dev.lofi.ingest.annotation.ActivityNetFormat;
import dev.lofi.ingest.annotation.AnnotationSet;
import dev.lofi.ingest.annotation.GroundTruth;
import dev.lofi.ingest.files.FileIngest;
import dev.lofi.ingest.files.IngestListener;
import dev.lofi.ingest.files.IngestSettings;
import dev.lofi.ingest.files.IngestSummary;
import dev.lofi.ingest.synth.SynthListener;
import dev.lofi.ingest.synth.SynthPreset;
import dev.lofi.ingest.synth.SynthTal;
import dev.lofi.ingest.synth.SynthTalConfig;
import dev.lofi.ingest.synth.SynthTalSummary;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.trainer.stage.PretrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A run's data: SynthTAL written to disk, its untrimmed videos ingested at every fidelity with
 * their annotations, its trimmed clips (if any) at the pre-training fidelity, and, where the
 * settings ask for one, a test split from a SynthTAL of its own seed that only the live localizer
 * ever sees.
 *
 * @param videosDir the untrimmed videos
 * @param truth their annotations
 * @param testDir the test split's videos, or null without one
 * @param test the test split's ground truth by held-out id ({@value #TEST_PREFIX} and its own id)
 */
record DemoData(Path videosDir, AnnotationSet truth, Path testDir, Map<String, GroundTruth> test) {

  /**
   * SynthTAL's cpu frames at 30 fps rather than 15: a live snippet (8 frames, stride 4) then spans
   * 1.07 s, about the cell a 20-40 s training video gives each of its 32 snippets, so the live
   * localizer sees actions at the scale the head learnt them; at 15 fps its snippets would be
   * twice as long.
   */
  static final SynthPreset FORMAT = SynthPreset.CPU.withFps("cpu-30fps", 30);

  /** The test split's SynthTAL seed: the training set's is SynthTAL's default, 1. */
  static final long TEST_SEED = 1001;

  /** Test videos' ids on the live topic, so none can be taken for a training video of the same name. */
  static final String TEST_PREFIX = "test-";

  /**
   * The held-out videos: the test split where there is one, else subset {@code validation}. With
   * legible classes and no test split (the demo), the class reads from a frame and only motion
   * tells when the actions are; with motion-only classes, pre-training from scratch on a demo's
   * hundred clips stayed near chance (accuracy 0.18 over 8 classes after 3 epochs).
   */
  Map<String, GroundTruth> heldOut() {
    return test != null ? test : subset("validation");
  }

  /** The videos the configurations train on: subset {@code training}. */
  Map<String, GroundTruth> training() {
    return subset("training");
  }

  private Map<String, GroundTruth> subset(String name) {
    return truth.videos().entrySet().stream().filter(e -> name.equals(e.getValue().subset()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  /** The file of a held-out video. */
  Path file(String videoId) {
    return test != null ? testDir.resolve(videoId.substring(TEST_PREFIX.length()) + ".mp4")
        : videosDir.resolve(videoId + ".mp4");
  }

  /** Writes SynthTAL (and its test split) under {@code dir} and ingests it into {@code bootstrap}. */
  static DemoData prepare(String bootstrap, Path dir, DemoSettings.Data settings, Consumer<String> progress) {
    SynthTalSummary synth = generate(SynthTalConfig.defaults(dir).withVideos(settings.videos()).withPreset(FORMAT)
        .withTrimmedClips(settings.clipsPerClass(), settings.clipsPerClass() == 0 ? 0
            : Math.max(1, settings.clipsPerClass() / 2))
        .withLegibleClasses(settings.legible()));
    progress.accept(String.format("SynthTAL: %d videos, %d trimmed clips in %s (%s classes)", synth.videos(),
        synth.trimmedClips(), dir, settings.legible() ? "legible" : "motion-only"));
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(TopicCatalog.all());
    }
    AnnotationSet truth = ActivityNetFormat.read(synth.annotations());
    ingest(bootstrap, dir.resolve(SynthTal.VIDEOS_DIR), truth, IngestSettings.ALL_FIDELITIES, progress);
    if (synth.trimmedClips() > 0) {
      ingest(bootstrap, dir.resolve(SynthTal.TRIMMED_DIR), ActivityNetFormat.read(synth.trimmedAnnotations()),
          List.of(PretrainingSettings.DEFAULT_FIDELITY), progress);
    }
    if (settings.testVideos() == 0) {
      return new DemoData(dir.resolve(SynthTal.VIDEOS_DIR), truth, null, null);
    }
    Path testDir = dir.resolveSibling(dir.getFileName() + "-test");
    SynthTalSummary split = generate(SynthTalConfig.defaults(testDir).withVideos(settings.testVideos())
        .withSeed(TEST_SEED).withPreset(FORMAT).withTrimmedClips(0, 0).withLegibleClasses(settings.legible()));
    Map<String, GroundTruth> test = new TreeMap<>();
    ActivityNetFormat.read(split.annotations()).videos().forEach((id, video) -> test.put(TEST_PREFIX + id,
        new GroundTruth(TEST_PREFIX + id, "test", video.duration(), video.entries(), video.ambiguous())));
    progress.accept(String.format("test split: %d videos of SynthTAL seed %d in %s, not ingested", split.videos(),
        TEST_SEED, testDir));
    return new DemoData(dir.resolve(SynthTal.VIDEOS_DIR), truth, testDir.resolve(SynthTal.VIDEOS_DIR), test);
  }

  private static SynthTalSummary generate(SynthTalConfig config) {
    try {
      return SynthTal.generate(config, SynthListener.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write SynthTAL to " + config.outDir(), e);
    }
  }

  private static void ingest(String bootstrap, Path dir, AnnotationSet truth, List<String> fidelities,
      Consumer<String> progress) {
    IngestSummary summary = new FileIngest(bootstrap, new IngestSettings(FidelityPreset.CPU, fidelities, truth, false),
        new IngestListener() {}).run(dir);
    if (!summary.failed().isEmpty()) {
      throw new IllegalStateException("ingesting " + dir + " failed: " + summary.failed());
    }
    progress.accept(String.format("ingested %d videos of %s at %s", summary.published().size(), dir.getFileName(),
        fidelities));
  }
}
