package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.cli.demo.Demo;
import dev.lofi.cli.demo.DemoConfiguration;
import dev.lofi.cli.demo.DemoSettings;
import dev.lofi.cli.report.ConfigurationResult;
import dev.lofi.cli.report.ReportFolder;
import dev.lofi.ingest.annotation.ActivityNetFormat;
import dev.lofi.ingest.annotation.GroundTruth;
import dev.lofi.localizer.evaluation.ActivityNetGroundTruth;
import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.offline.OfflineListener;
import dev.lofi.localizer.offline.OfflineLocalization;
import dev.lofi.localizer.offline.OfflineResult;
import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.model.evaluation.DetectionEvaluation;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.evaluation.Prediction;
import dev.lofi.model.evaluation.RandomSegments;
import dev.lofi.model.evaluation.TiouThresholds;
import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lofi demo}'s whole flow on a tiny configuration, through a real broker of its own (the
 * demo reads every video on its clip topics, so it cannot share a cluster with other tests):
 * SynthTAL written and ingested at every fidelity, pre-training, the baseline and the four LoFi
 * configurations trained, full-fidelity joint training refused by the memory budget, the held-out
 * videos streamed through a live localizer per model, scored, and the report folder written.
 *
 * <p>What the runs learnt is asserted on the videos they trained on, against random segments of
 * their classes and lengths: six training videos give two held-out ones little to go by (the
 * encoder, pre-trained from scratch on 16 clips, does not tell classes apart across videos), so a
 * tiny run's held-out mAP sits at chance and only the demo's standard run is judged on them.
 */
class DemoEndToEndTest {

  /** 8 videos (2 held out), 2 clips a class, one epoch of pre-training and of joint training, 100 of the head. */
  private static final DemoSettings TINY = new DemoSettings("tiny", new DemoSettings.Data(8, true, 2, 0),
      DemoSettings.Training.demo().optPretrainEpochs(1).optLofiEpochs(1).build(),
      new DemoSettings.Comparison(List.of(DemoConfiguration.values()), 1));

  /** C-LoFi's checkpoint stream for seed 1, as the demo names it ({@code demo-<config>-s<seed>}). */
  private static final String C_LOFI = "demo-c-s1";

  @Test
  void theDemoTrainsEveryConfigurationThatFitsLocalizesTheHeldOutVideosLiveAndWritesItsReport(@TempDir Path out)
      throws Exception {
    List<String> lines = new ArrayList<>();
    Demo.Outcome outcome;
    Map<String, List<Prediction>> trainedOn;
    try (EmbeddedBroker broker = EmbeddedBroker.startTemporary()) {
      outcome = new Demo(broker.bootstrapServers(), TINY, out, new Demo.Progress() {
        @Override
        public void line(String text) {
          lines.add(text);
        }

        @Override
        public void status(String text) {}
      }).run();
      trainedOn = localizeTrainingVideos(broker.bootstrapServers(), out.resolve("work/synthtal"));
    }

    assertThat(outcome.results()).extracting(ConfigurationResult::configuration).containsExactly(
        "baseline (frozen encoder)", "S-LoFi", "T-LoFi", "ST-LoFi", "C-LoFi", "full-fidelity joint");
    List<ConfigurationResult.Trained> trained = outcome.results().stream()
        .filter(ConfigurationResult.Trained.class::isInstance).map(ConfigurationResult.Trained.class::cast).toList();
    assertThat(trained).hasSize(5).allSatisfy(result -> {
      assertThat(result.runs()).singleElement().satisfies(run -> {
        assertThat(run.scores().average()).isBetween(0.0, 1.0);
        assertThat(run.trainSeconds()).isPositive();
      });
      assertThat(result.tiou()).hasSize(10);
    });
    // The baseline trains no encoder; the LoFi rows measured their joint steps.
    assertThat(trained.get(0).stepBytes()).isZero();
    long lofiPeak = trained.stream().skip(1).mapToLong(ConfigurationResult::stepBytes).max().orElseThrow();
    assertThat(trained.subList(1, 5)).allMatch(result -> result.stepBytes() > 0);
    // Full-fidelity joint training is shown not to fit the budget the LoFi rows fit in, not tried.
    assertThat(outcome.results().get(5)).isInstanceOfSatisfying(ConfigurationResult.DoesNotFit.class, refused -> {
      assertThat(refused.reason()).startsWith("does not fit the");
      assertThat(refused.stepBytes()).isGreaterThan(lofiPeak);
    });
    assertThat(lines).anyMatch(line -> line.startsWith("streamed 2 held-out videos"))
        .anyMatch(line -> line.startsWith("seed 1 C-LoFi: avg mAP"));

    // The chance level the findings quote: random segments scored on the same held-out videos.
    assertThat(outcome.chance()).hasSize(20).allMatch(draw -> draw.average() >= 0 && draw.average() <= 1);
    assertThat(outcome.chance()).allSatisfy(draw -> assertThat(draw.at(0.5)).isPresent());
    assertThat(outcome.findings()).contains("C-LoFi reaches").contains("Chance, for scale");

    // C-LoFi's checkpoint, localizing offline the videos it trained on, beats every chance draw.
    Path annotations = out.resolve("work/synthtal/annotations.json");
    ActivityNetGroundTruth truth = ActivityNetGroundTruth.read(annotations, "training");
    DetectionEvaluation evaluation = new DetectionEvaluation(truth.videos(), TiouThresholds.ACTIVITYNET);
    DetectionMetrics learnt = evaluation.evaluate(trainedOn);
    Map<String, Integer> guesses = new TreeMap<>();
    truth.videos().keySet().forEach(id -> guesses.put(id, trainedOn.getOrDefault(id, List.of()).size()));
    List<DetectionMetrics> chance = new RandomSegments(truth.videos().values().stream().flatMap(List::stream)
        .toList()).evaluate(evaluation, durations(annotations, guesses.keySet()), guesses, 20, 1);
    double best = chance.stream().mapToDouble(DetectionMetrics::averageMAP).max().orElseThrow();
    double mean = chance.stream().mapToDouble(DetectionMetrics::averageMAP).average().orElseThrow();
    System.out.printf(Locale.ROOT, "C-LoFi on its training videos: avg mAP %.4f; chance best %.4f, mean %.4f%n",
        learnt.averageMAP(), best, mean);
    assertThat(learnt.averageMAP()).as("C-LoFi on its training videos against chance (best draw %.4f, mean %.4f)",
        best, mean).isGreaterThan(best).isGreaterThan(3 * mean);

    assertThat(outcome.table()).contains("configuration", "avg mAP", "step memory (est.)", "C-LoFi");
    assertThat(Files.readString(out.resolve(ReportFolder.REPORT))).contains("| C-LoFi |")
        .contains("![Training curves](training-curves.png)");
    JsonNode config = new ObjectMapper().readTree(out.resolve(ReportFolder.CONFIG).toFile());
    assertThat(config.get("videos").asInt()).isEqualTo(8);
    assertThat(config.get("legible_classes").asBoolean()).isTrue();
    for (String plot : List.of(ReportFolder.CURVES, ReportFolder.TIMELINE)) {
      BufferedImage image = ImageIO.read(out.resolve(plot).toFile());
      assertThat(image).as(plot).isNotNull();
      assertThat(image.getWidth()).as(plot).isGreaterThan(400);
    }
  }

  /** C-LoFi's latest checkpoint over every SynthTAL video, offline: predictions of the training ones. */
  private static Map<String, List<Prediction>> localizeTrainingVideos(String bootstrap, Path synth) {
    Checkpoint checkpoint = new CheckpointStore(bootstrap).latest(C_LOFI).orElseThrow();
    OfflineResult result;
    try (InferenceModel model = InferenceModel.load(checkpoint)) {
      result = new OfflineLocalization(model, FidelityPreset.CPU.full(),
          SlidingWindowSettings.DEFAULT.withThreshold(OfflineLocalization.DEFAULT_THRESHOLD),
          new OfflineListener() {}).run(synth.resolve("videos"));
    }
    assertThat(result.failed()).isEmpty();
    return result.predictions();
  }

  /** Each video's duration, as the ActivityNet file gives it. */
  private static Map<String, Double> durations(Path annotations, Set<String> videos) {
    Map<String, GroundTruth> truth = ActivityNetFormat.read(annotations).videos();
    Map<String, Double> durations = new TreeMap<>();
    videos.forEach(id -> durations.put(id, truth.get(id).duration().orElseThrow()));
    return durations;
  }
}
