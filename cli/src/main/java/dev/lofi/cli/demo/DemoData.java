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
 * The demo's data: SynthTAL written to disk, its untrimmed videos ingested at every fidelity with
 * their annotations, its trimmed clips at the pre-training fidelity.
 *
 * @param videosDir the untrimmed videos
 * @param truth their annotations; subset {@code validation} is held out
 */
record DemoData(Path videosDir, AnnotationSet truth) {

  /**
   * SynthTAL's cpu frames at 30 fps rather than 15: a live snippet (8 frames, stride 4) then spans
   * 1.07 s, about the cell a 20-40 s training video gives each of its 32 snippets, so the live
   * localizer sees actions at the scale the head learnt them; at 15 fps its snippets would be
   * twice as long.
   */
  static final SynthPreset FORMAT = new SynthPreset("cpu-30fps", SynthPreset.CPU.width(), SynthPreset.CPU.height(),
      30, SynthPreset.CPU.minVideoSeconds(), SynthPreset.CPU.maxVideoSeconds());

  /**
   * SynthTAL with legible classes: one class per video, worn as the actor's colour. With classes
   * told apart by motion alone, pre-training from scratch on a demo's hundred clips stayed near
   * chance (accuracy 0.18 over 8 classes after 3 epochs), so no configuration had features to
   * localize with. Legible classes leave the class to a glance and the extent of each action to
   * motion, which is the part that frozen classification features lack and LoFi's joint training
   * is meant to teach.
   */
  static final boolean LEGIBLE_CLASSES = true;

  /** The held-out videos: ids and ground truth of subset {@code validation}. */
  Map<String, GroundTruth> heldOut() {
    return subset("validation");
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
    return videosDir.resolve(videoId + ".mp4");
  }

  /** Writes SynthTAL to {@code dir} and ingests it into {@code bootstrap}. */
  static DemoData prepare(String bootstrap, Path dir, DemoSettings settings, Consumer<String> progress) {
    SynthTalSummary synth;
    try {
      synth = SynthTal.generate(SynthTalConfig.defaults(dir).withVideos(settings.videos()).withPreset(FORMAT)
          .withTrimmedClips(settings.clipsPerClass(), Math.max(1, settings.clipsPerClass() / 2))
          .withLegibleClasses(LEGIBLE_CLASSES), SynthListener.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write SynthTAL to " + dir, e);
    }
    progress.accept(String.format("SynthTAL: %d videos, %d trimmed clips in %s", synth.videos(), synth.trimmedClips(),
        dir));
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(TopicCatalog.all());
    }
    AnnotationSet truth = ActivityNetFormat.read(synth.annotations());
    ingest(bootstrap, dir.resolve(SynthTal.VIDEOS_DIR), truth, IngestSettings.ALL_FIDELITIES, progress);
    ingest(bootstrap, dir.resolve(SynthTal.TRIMMED_DIR), ActivityNetFormat.read(synth.trimmedAnnotations()),
        List.of(PretrainingSettings.DEFAULT_FIDELITY), progress);
    return new DemoData(dir.resolve(SynthTal.VIDEOS_DIR), truth);
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
