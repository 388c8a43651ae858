package dev.lofi.cli.demo;

import dev.lofi.cli.report.ChanceLevel;
import dev.lofi.cli.report.ConfigurationResult;
import dev.lofi.cli.report.MapScores;
import dev.lofi.cli.report.Report;
import dev.lofi.cli.report.ReportFolder;
import dev.lofi.cli.report.ReportTable;
import dev.lofi.cli.report.SeedRun;
import dev.lofi.cli.report.SeedSpread;
import dev.lofi.cli.report.TrainingCurve;
import dev.lofi.cli.report.VideoTimeline;
import dev.lofi.ingest.annotation.GroundTruth;
import dev.lofi.model.evaluation.ActionInstance;
import dev.lofi.model.evaluation.DetectionEvaluation;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.evaluation.Prediction;
import dev.lofi.model.evaluation.RandomSegments;
import dev.lofi.model.evaluation.TiouThresholds;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.model.segment.Detection;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.Segment;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.data.SnippetAugmentation;
import dev.lofi.trainer.memory.MemoryBudget;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import dev.lofi.trainer.stage.HeadTraining;
import dev.lofi.trainer.stage.JointTraining;
import dev.lofi.trainer.stage.Pretraining;
import dev.lofi.trainer.stage.PretrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The paper's comparison in miniature, end to end through Kafka: SynthTAL ingested at every
 * fidelity; per seed, one pre-trained encoder, then each configuration trained from it; the
 * held-out videos streamed through the live localizer of each trained model; its closed segments
 * scored as {@code lofi evaluate} scores a predictions file.
 */
public final class Demo {

  /** What a run tells as it goes: permanent lines, and a status of the current step. */
  public interface Progress {
    /** A line that stays. */
    void line(String text);

    /** What is happening now; replaced by the next status. */
    void status(String text);
  }

  /**
   * A finished run.
   *
   * @param table the comparison as the console shows it
   * @param findings what the run showed, one paragraph
   * @param report the report folder's {@code report.md}
   * @param results each configuration's result, in the table's order
   * @param chance each draw of random segments on the held-out videos, scored as the models are
   * @param stageSeconds each stage's wall time per seed, in seed order: {@code pretrain}, then
   *     {@code <configuration> <stage>}
   */
  public record Outcome(String table, String findings, Path report, List<ConfigurationResult> results,
      List<MapScores> chance, Map<String, List<Double>> stageSeconds) {}

  /** Draws of random segments the chance level is the distribution of. */
  static final int CHANCE_DRAWS = 20;

  private final String bootstrap;
  private final DemoSettings settings;
  private final Path reportDir;
  private final Path workDir;
  private final Progress progress;

  /** @param reportDir where the report goes; its {@code work} folder is replaced by this run's data */
  public Demo(String bootstrap, DemoSettings settings, Path reportDir, Progress progress) {
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.reportDir = reportDir;
    this.workDir = reportDir.resolve("work");
    this.progress = progress;
  }

  /** Runs every seed and configuration, then writes the report folder. */
  public Outcome run() throws IOException, InterruptedException {
    // A previous run's data and localizer state belong to another broker: start clean.
    deleteRecursively(workDir);
    Compared compared = compare();
    new ReportFolder(reportDir).write(compared.report());
    return new Outcome(new ReportTable(compared.report().results()).console(), compared.report().findings(),
        reportDir.resolve(ReportFolder.REPORT), compared.report().results(), compared.chance(), compared.stageSeconds());
  }

  private record Compared(Report report, List<MapScores> chance, Map<String, List<Double>> stageSeconds) {}

  private Compared compare() throws InterruptedException {
    DemoData data = DemoData.prepare(bootstrap, workDir.resolve("synthtal"), settings.data(), progress::line);
    Map<String, GroundTruth> heldOut = data.heldOut();
    HeldOutLocalization live = new HeldOutLocalization(bootstrap, workDir.resolve("localizer"), DemoSettings.THRESHOLD);
    Map<String, Path> files = new LinkedHashMap<>();
    heldOut.keySet().forEach(id -> files.put(id, data.file(id)));
    live.stream(files);
    progress.line(String.format("streamed %d held-out videos to %s", files.size(), "lofi.live.clips"));
    DetectionEvaluation evaluation = new DetectionEvaluation(instances(heldOut), TiouThresholds.ACTIVITYNET);

    Map<String, List<Double>> stageSeconds = new LinkedHashMap<>();
    Map<DemoConfiguration, List<SeedRun>> runs = new EnumMap<>(DemoConfiguration.class);
    Map<DemoConfiguration, ConfigurationTraining.Refused> refused = new EnumMap<>(DemoConfiguration.class);
    List<TrainingCurve> curves = new ArrayList<>();
    VideoTimeline timeline = null;
    // Per held-out video, the most segments any model made: as many guesses as that give chance.
    Map<String, Integer> guesses = new TreeMap<>();
    for (long seed = 1; seed <= settings.comparison().seeds(); seed++) {
      long started = System.nanoTime();
      List<String> labels = pretrain(seed);
      stageSeconds.computeIfAbsent(Pretraining.STAGE, s -> new ArrayList<>()).add((System.nanoTime() - started) / 1e9);
      Checkpoint pretrained = Pretraining.latestCheckpoint(bootstrap, pretrainModel(seed)).orElseThrow();
      // The pre-trained network's structure (its frame input among it) is every configuration's.
      NetworkConfig network = NetworkConfig.fromMap(pretrained.manifest().config());
      ConfigurationTraining training = new ConfigurationTraining(bootstrap, settings, network);
      for (DemoConfiguration configuration : settings.comparison().configurations()) {
        var refusal = training.refusal(configuration);
        if (refusal.isPresent()) {
          refused.put(configuration, refusal.get());
          progress.line(String.format("seed %d %s: refused, %s (a step needs %s)", seed, configuration.title(),
              refusal.get().reason(), MemoryBudget.format(refusal.get().estimatedBytes())));
          continue;
        }
        String prefix = String.format("seed %d %s", seed, configuration.title());
        ConfigurationTraining.Trained trained = training.train(configuration, seed, pretrained,
            m -> progress.status(String.format(Locale.ROOT, "%s: %s epoch %d step %d loss %.3f", prefix, m.stage(),
                m.epoch(), m.step(), m.loss())));
        trained.stageSeconds().forEach((stage, seconds) -> stageSeconds
            .computeIfAbsent(configuration.title() + " " + stage, s -> new ArrayList<>()).add(seconds));
        Map<String, List<Segment>> segments = live.localize(trained.model(), heldOut.keySet());
        segments.forEach((video, closed) -> guesses.merge(video, closed.size(), Math::max));
        DetectionMetrics metrics = evaluation.evaluate(predictions(segments));
        MapScores scores = scores(metrics);
        runs.computeIfAbsent(configuration, c -> new ArrayList<>())
            .add(new SeedRun(seed, scores, trained.stepBytes(), trained.seconds()));
        progress.line(String.format(Locale.ROOT, "%s: avg mAP %.2f%% on %d held-out videos (%d segments), trained in"
            + " %.0f s", prefix, 100 * scores.average(), heldOut.size(),
            segments.values().stream().mapToInt(List::size).sum(), trained.seconds()));
        if (seed == 1) {
          if (configuration.joint()) {
            curves.add(TrainingCurve.fromMetrics(configuration.title(), JointTraining.STAGE, trained.metrics()));
          }
          curves.add(TrainingCurve.fromMetrics(configuration.title(), HeadTraining.STAGE, trained.metrics()));
          if (configuration == DemoConfiguration.C) {
            String video = heldOut.keySet().iterator().next();
            timeline = timeline(heldOut.get(video), labels, segments.get(video));
          }
        }
      }
    }
    List<ConfigurationResult> results = new ArrayList<>();
    for (DemoConfiguration configuration : settings.comparison().configurations()) {
      if (runs.containsKey(configuration)) {
        results.add(new ConfigurationResult.Trained(configuration.title(), runs.get(configuration)));
      } else {
        ConfigurationTraining.Refused refusal = refused.get(configuration);
        results.add(new ConfigurationResult.DoesNotFit(configuration.title(), refusal.reason(),
            refusal.estimatedBytes()));
      }
    }
    List<MapScores> chance = new RandomSegments(instances(data.training()).values().stream().flatMap(List::stream)
        .toList()).evaluate(evaluation, durations(heldOut), guesses, CHANCE_DRAWS, 1).stream().map(Demo::scores)
        .toList();
    Report report = new Report("LoFi on SynthTAL: " + settings.mode() + " run", results, settings.toMap(), curves,
        timeline, findings(runs, chance));
    return new Compared(report, chance, stageSeconds);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private List<String> pretrain(long seed) {
    String model = pretrainModel(seed);
    DemoSettings.Training training = settings.training();
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, model, new StageListener() {
      @Override
      public void stepFinished(TrainerMetric m) {
        progress.status(String.format(Locale.ROOT, "seed %d pre-training: epoch %d step %d loss %.3f", seed, m.epoch(),
            m.step(), m.loss()));
      }
    })) {
      Pretraining.Result result = new Pretraining(bootstrap, PretrainingSettings.builder(model)
          .optEpochs(training.pretrainEpochs()).optBatchSize(training.batch())
          .optLearningRate(training.pretrainLearningRate()).optSeed(seed)
          .optAugmentation(training.augment() ? PretrainingSettings.AUGMENTATION : SnippetAugmentation.NONE).build(),
          metrics)
          .run(LofiPreset.CPU.network(1, training.head()).withFrameInput(training.frameInput()));
      List<Double> validation = result.epochValidationAccuracies();
      int kept = result.checkpoint().epoch();
      progress.line(String.format(Locale.ROOT, "seed %d pre-training on %s: accuracy %.2f on %d classes%s", seed,
          result.source(), result.epochAccuracies().get(result.epochAccuracies().size() - 1), result.classes().size(),
          validation.isEmpty() ? "" : String.format(Locale.ROOT, ", %.2f on the validation videos' segments at "
              + "epoch %d of %d, which is kept", validation.get(kept), kept + 1, validation.size())));
      return result.labels();
    }
  }

  private static String pretrainModel(long seed) {
    return "demo-pretrain-s" + seed;
  }

  private static Map<String, List<ActionInstance>> instances(Map<String, GroundTruth> heldOut) {
    Map<String, List<ActionInstance>> instances = new LinkedHashMap<>();
    heldOut.forEach((id, truth) -> instances.put(id, truth.segments().stream()
        .map(s -> new ActionInstance(s.label(), s.start(), s.end())).toList()));
    return instances;
  }

  private static Map<String, Double> durations(Map<String, GroundTruth> videos) {
    Map<String, Double> durations = new LinkedHashMap<>();
    videos.forEach((id, truth) -> durations.put(id, truth.duration().orElseGet(() ->
        truth.segments().stream().mapToDouble(GroundTruthSegment::end).max().orElse(0))));
    return durations;
  }

  private static Map<String, List<Prediction>> predictions(Map<String, List<Segment>> segments) {
    Map<String, List<Prediction>> predictions = new LinkedHashMap<>();
    segments.forEach((video, closed) -> predictions.put(video, closed.stream()
        .map(s -> new Prediction(s.label(), s.start(), s.end(), s.score())).toList()));
    return predictions;
  }

  private static VideoTimeline timeline(GroundTruth truth, List<String> labels, List<Segment> segments) {
    List<Detection> detections = segments.stream().filter(s -> labels.contains(s.label()))
        .map(s -> new Detection(labels.indexOf(s.label()), s.start(), s.end(), s.score())).toList();
    double duration = truth.duration().orElse(segments.stream().mapToDouble(Segment::end).max().orElse(1));
    return new VideoTimeline(truth.videoId(), duration, labels, truth.segments(), detections);
  }

  /** The claim, tested: C-LoFi against the frozen-encoder baseline, in the run's own numbers. */
  private String findings(Map<DemoConfiguration, List<SeedRun>> runs, List<MapScores> chance) {
    SeedSpread baseline = spread(runs.get(DemoConfiguration.BASELINE));
    SeedSpread lofi = spread(runs.get(DemoConfiguration.C));
    double gap = 100 * (lofi.mean() - baseline.mean());
    double noise = 100 * Math.max(baseline.standardDeviation().orElse(0), lofi.standardDeviation().orElse(0));
    String verdict;
    if (settings.comparison().seeds() == 1) {
      verdict = "One seed gives no spread: run `lofi demo --seeds 3` before reading a gap this size as an effect.";
    } else if (gap > noise) {
      verdict = "The gap is larger than the seeds' spread: joint training at low fidelity helped here.";
    } else {
      verdict = "The gap is within the seeds' spread: this run does not show that LoFi helps. Likely causes: joint "
          + "training this short (a few dozen steps) barely moves a pre-trained encoder, and a handful of held-out "
          + "videos makes every configuration's mAP swing by more than the gap.";
    }
    ChanceLevel level = ChanceLevel.of(chance);
    return String.format(Locale.ROOT, "C-LoFi reaches %.2f%% average mAP against the frozen-encoder baseline's %.2f%%"
        + " (%+.2f points, %d seed%s). %s Chance, for scale: random segments with the training videos' classes and"
        + " lengths, as many per held-out video as the most prolific model made, reach %.2f%% average mAP and"
        + " %.2f%% mAP@0.5 (means of %d draws; the highest draws %.2f%% and %.2f%%).", 100 * lofi.mean(),
        100 * baseline.mean(), gap, settings.comparison().seeds(), settings.comparison().seeds() == 1 ? "" : "s", verdict,
        100 * level.averageMean(), 100 * level.atHalfMean(), level.draws(), 100 * level.averageMax(),
        100 * level.atHalfMax());
  }

  private static MapScores scores(DetectionMetrics metrics) {
    return new MapScores(Arrays.stream(metrics.tiou().values()).boxed().toList(), metrics.mAP());
  }

  private static SeedSpread spread(List<SeedRun> runs) {
    return SeedSpread.of(runs.stream().map(r -> r.scores().average()).toList());
  }
}
