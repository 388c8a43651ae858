package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.cli.demo.Demo;
import dev.lofi.cli.demo.DemoConfiguration;
import dev.lofi.cli.demo.DemoSettings;
import dev.lofi.cli.demo.LearnBenchmark;
import dev.lofi.model.encoder.FrameInput;
import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lofi bench learn}'s whole flow on a tiny configuration, through a broker of its own:
 * motion-only SynthTAL with no trimmed clips (so pre-training must cut the training videos'
 * segments), the baseline and C-LoFi trained with validation, a test split of another seed
 * streamed live and never ingested, and the JSON that reports scores, chance, stage times and
 * targets. What a tiny run learns is not judged: two test videos and one epoch say nothing.
 */
class LearnBenchmarkEndToEndTest {

  /** 8 videos, 2 test videos, one epoch of pre-training (from segments) and of joint training, 20 of the head. */
  private static final DemoSettings TINY = new DemoSettings("learn-tiny", new DemoSettings.Data(8, false, 0, 2),
      DemoSettings.Training.demo().optPretrainEpochs(1).optFrameInput(FrameInput.RGB_DIFF).optLofiEpochs(1)
          .optHeadEpochs(20).optValidate(true).build(),
      new DemoSettings.Comparison(List.of(DemoConfiguration.BASELINE, DemoConfiguration.C), 1));

  @Test
  void theBenchmarkPretrainsFromSegmentsAndScoresATestSplitThatTrainingNeverSaw(@TempDir Path out) throws Exception {
    List<String> lines = new ArrayList<>();
    LearnBenchmark.Result result;
    Set<String> ingested = new TreeSet<>();
    try (EmbeddedBroker broker = EmbeddedBroker.startTemporary()) {
      result = LearnBenchmark.run(broker.bootstrapServers(), TINY, out, new Demo.Progress() {
        @Override
        public void line(String text) {
          lines.add(text);
        }

        @Override
        public void status(String text) {}
      });
      TopicScan.scan(broker.bootstrapServers(), TopicCatalog.VIDEOS.name(),
          record -> ingested.add(new String(record.key(), StandardCharsets.UTF_8)));
    }

    assertThat(lines).anyMatch(line -> line.startsWith("seed 1 pre-training on no subset 'pretrain': ")
        && line.contains("clips cut from the segments of") && line.contains("on the validation videos' segments"));
    assertThat(lines).anyMatch(line -> line.startsWith("test split: 2 videos of SynthTAL seed"))
        .anyMatch(line -> line.startsWith("streamed 2 held-out videos"));
    // The test videos went to the live topic only: none is on the catalog of videos training reads.
    assertThat(ingested).isNotEmpty().noneMatch(key -> key.contains("test-"));

    JsonNode json = new ObjectMapper().readTree(LearnBenchmark.json(result));
    assertThat(json.get("held_out_videos").asInt()).isEqualTo(2);
    assertThat(json.get("settings").get("legible_classes").asBoolean()).isFalse();
    assertThat(json.get("settings").get("frame_input").asText()).isEqualTo("rgb+diff");
    JsonNode configurations = json.get("configurations");
    assertThat(configurations).hasSize(2);
    assertThat(configurations.get(0).get("name").asText()).isEqualTo("baseline (frozen encoder)");
    assertThat(configurations.get(1).get("name").asText()).isEqualTo("C-LoFi");
    for (JsonNode configuration : configurations) {
      assertThat(configuration.get("avg_map")).hasSize(1);
      assertThat(configuration.get("avg_map").get(0).asDouble()).isBetween(0.0, 1.0);
      assertThat(configuration.get("map_at_0.5_mean").asDouble()).isBetween(0.0, 1.0);
      // One seed gives no spread.
      assertThat(configuration.get("avg_map_sd").isNull()).isTrue();
    }
    assertThat(json.get("chance").get("draws").asInt()).isEqualTo(20);
    List<String> stages = new ArrayList<>();
    json.get("stage_seconds").fieldNames().forEachRemaining(stages::add);
    assertThat(stages).containsExactly("pretrain", "baseline (frozen encoder) extract", "baseline (frozen encoder) head",
        "C-LoFi lofi", "C-LoFi extract", "C-LoFi head");
    json.get("stage_seconds").forEach(seconds -> assertThat(seconds.get(0).asDouble()).isPositive());
    assertThat(json.get("targets")).hasSize(4);
    assertThat(json.get("targets_met").asBoolean()).isEqualTo(result.targetsMet());
    assertThat(LearnBenchmark.text(result)).contains("C-LoFi avg mAP >= 50%").contains("report: ");
  }
}
