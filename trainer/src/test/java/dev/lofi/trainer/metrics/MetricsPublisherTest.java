package dev.lofi.trainer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.TrainerMetric;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Metrics through a real broker: what outside tools read from {@code lofi.trainer.metrics}. */
class MetricsPublisherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String bootstrap;

  /** A run id of each test's own, since the broker is shared by the test JVM. */
  private final String run = "run-" + UUID.randomUUID();

  @BeforeAll
  static void createTopics() {
    bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
  }

  @Test
  void stepsAndEpochsArePublishedKeyedByTheRunAsSnakeCaseJsonAndTheListenerHearsEverything() throws Exception {
    Recorder console = new Recorder();
    List<TrainerMetric> sent = new ArrayList<>();
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, run, console)) {
      metrics.stageStarted("lofi", 1, 2);
      sent.add(metrics.step("lofi", 0, 1, "st", 1.25, 0.1, 0.5, 400_000_000L, 2.5, 0));
      sent.add(metrics.step("lofi", 0, 2, "st", 0.75, 0.1, 0.25, null, 1.5, 0));
      sent.add(metrics.epoch("lofi", 1, 2, "st", 1.0, 0.05, 0.3125));
      metrics.stageFinished("lofi", "done");
    }

    List<ConsumerRecord<byte[], byte[]>> records = TopicSnapshot.read(bootstrap, TopicCatalog.TRAINER_METRICS.name())
        .stream().filter(r -> run.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
    assertThat(records).hasSize(3);
    assertThat(records).extracting(r -> RecordSerdes.trainerMetric().decode(r.value())).containsExactlyElementsOf(sent);

    JsonNode step = JSON.readTree(records.get(0).value());
    assertThat(step.get("run").asText()).isEqualTo(run);
    assertThat(step.get("stage").asText()).isEqualTo("lofi");
    assertThat(step.get("kind").asText()).isEqualTo("step");
    assertThat(step.get("epoch").asInt()).isZero();
    assertThat(step.get("step").asLong()).isEqualTo(1);
    assertThat(step.get("fidelity").asText()).isEqualTo("st");
    assertThat(step.get("loss").asDouble()).isEqualTo(1.25);
    assertThat(step.get("learning_rate").asDouble()).isEqualTo(0.1);
    assertThat(step.get("step_seconds").asDouble()).isEqualTo(0.5);
    assertThat(step.get("peak_bytes").asLong()).isEqualTo(400_000_000L);
    assertThat(step.get("average_map").isNull()).isTrue();
    assertThat(Instant.parse(step.get("time").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(JSON.readTree(records.get(1).value()).get("peak_bytes").isNull()).isTrue();

    JsonNode epoch = JSON.readTree(records.get(2).value());
    assertThat(epoch.get("kind").asText()).isEqualTo("epoch");
    assertThat(epoch.get("epoch").asInt()).isEqualTo(1);
    assertThat(epoch.get("average_map").asDouble()).isEqualTo(0.3125);
    assertThat(epoch.get("step_seconds").isNull()).isTrue();

    assertThat(console.calls).containsExactly("started lofi 1x2", "step 1", "step 2", "epoch 1 mAP 0.3125",
        "finished lofi: done");
  }

  @Test
  void aMetricOfAnotherRunOrKindIsRefused() {
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, run, StageListener.NONE)) {
      TrainerMetric other = new TrainerMetric("other", "head", TrainerMetric.Kind.STEP, 0, 1, null, 1.0, 0.1, 0.2,
          null, null, null, null, null, null, Instant.now());
      assertThatThrownBy(() -> metrics.stepFinished(other)).hasMessageContaining("run " + run)
          .hasMessageContaining("run other");
      TrainerMetric mine = new TrainerMetric(run, "head", TrainerMetric.Kind.STEP, 0, 1, null, 1.0, 0.1, 0.2,
          null, null, null, null, null, null, Instant.now());
      assertThatThrownBy(() -> metrics.epochFinished(mine)).hasMessageContaining("epoch metrics");
    }
  }

  /** What a progress bar would be told. */
  private static final class Recorder implements StageListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void stageStarted(String stage, int epochs, int stepsPerEpoch) {
      calls.add("started " + stage + " " + epochs + "x" + stepsPerEpoch);
    }

    @Override
    public void stepFinished(TrainerMetric metric) {
      calls.add("step " + metric.step());
    }

    @Override
    public void epochFinished(TrainerMetric metric) {
      calls.add("epoch " + metric.epoch() + " mAP " + metric.averageMap());
    }

    @Override
    public void stageFinished(String stage, String summary) {
      calls.add("finished " + stage + ": " + summary);
    }
  }
}
