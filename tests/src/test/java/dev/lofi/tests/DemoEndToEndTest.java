package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.cli.demo.Demo;
import dev.lofi.cli.demo.DemoSettings;
import dev.lofi.cli.report.ConfigurationResult;
import dev.lofi.cli.report.ReportFolder;
import dev.lofi.topics.broker.EmbeddedBroker;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lofi demo}'s whole flow on a tiny configuration, through a real broker of its own (the
 * demo reads every video on its clip topics, so it cannot share a cluster with other tests):
 * SynthTAL written and ingested at every fidelity, pre-training, the baseline and the four LoFi
 * configurations trained, full-fidelity joint training refused by the memory budget, the held-out
 * videos streamed through a live localizer per model, scored, and the report folder written.
 */
class DemoEndToEndTest {

  /** 8 videos (2 held out), 2 clips a class, one epoch of pre-training and of joint training. */
  private static final DemoSettings TINY = new DemoSettings(true, 8, 2, 1, 1, 3, 4, 0.01f, 1, 0.05);

  @Test
  void theDemoTrainsEveryConfigurationThatFitsLocalizesTheHeldOutVideosLiveAndWritesItsReport(@TempDir Path out)
      throws Exception {
    List<String> lines = new ArrayList<>();
    Demo.Outcome outcome;
    try (EmbeddedBroker broker = EmbeddedBroker.startTemporary()) {
      outcome = new Demo(broker.bootstrapServers(), TINY, out, new Demo.Progress() {
        @Override
        public void line(String text) {
          lines.add(text);
        }

        @Override
        public void status(String text) {}
      }).run();
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
    assertThat(trained.get(0).peakTrainBytes()).isZero();
    long lofiPeak = trained.stream().skip(1).mapToLong(ConfigurationResult::peakTrainBytes).max().orElseThrow();
    assertThat(trained.subList(1, 5)).allMatch(result -> result.peakTrainBytes() > 0);
    // Full-fidelity joint training is shown not to fit the budget the LoFi rows fit in, not tried.
    assertThat(outcome.results().get(5)).isInstanceOfSatisfying(ConfigurationResult.DoesNotFit.class, refused -> {
      assertThat(refused.reason()).startsWith("does not fit the");
      assertThat(refused.peakTrainBytes()).isGreaterThan(lofiPeak);
    });
    assertThat(lines).anyMatch(line -> line.startsWith("streamed 2 held-out videos"))
        .anyMatch(line -> line.startsWith("seed 1 C-LoFi: avg mAP"));

    // The chance level the findings quote: random segments scored on the same held-out videos.
    assertThat(outcome.chance()).hasSize(20).allMatch(draw -> draw.average() >= 0 && draw.average() <= 1);
    assertThat(outcome.chance()).allSatisfy(draw -> assertThat(draw.at(0.5)).isPresent());
    assertThat(outcome.findings()).contains("C-LoFi reaches").contains("Chance, for scale");

    assertThat(outcome.table()).contains("configuration", "avg mAP", "peak train memory", "C-LoFi");
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
}
