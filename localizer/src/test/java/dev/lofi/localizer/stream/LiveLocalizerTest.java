package dev.lofi.localizer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.localizer.reload.CurrentModel;
import dev.lofi.localizer.reload.TamperedCheckpoint;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live localizer as a running Kafka Streams application on a real broker, one broker per test. */
class LiveLocalizerTest {

  private static final String MODEL = "live";
  private static final int SNIPPETS = 24;
  private static final int SWAP_AFTER = 11;

  @TempDir Path stateDir;

  private final ServiceEvents events = new ServiceEvents();
  private KafkaTestCluster cluster;
  private String bootstrap;
  private LocalizerSettings settings;
  private LiveLocalizer localizer;

  @BeforeEach
  void start() {
    cluster = KafkaTestCluster.start();
    bootstrap = cluster.bootstrapWithCatalog();
    settings = TestSettings.of(MODEL, "live-test", stateDir);
  }

  @AfterEach
  void stop() {
    if (localizer != null) {
      localizer.close();
    }
    cluster.close();
  }

  private Checkpoint publish(Checkpoint checkpoint) {
    new CheckpointStore(bootstrap).publish(checkpoint.manifest(), checkpoint.parameters());
    return checkpoint;
  }

  private void startLocalizer() throws InterruptedException {
    localizer = new LiveLocalizer(bootstrap, settings, LocalizerTopology.streamsConfig(bootstrap, settings), events);
    localizer.start();
    events.await("loaded");
  }

  /** Waits until the end markers are processed, then stops the localizer, which commits. */
  private void finish(String... streams) throws InterruptedException {
    for (String stream : streams) {
      ServiceEvents.awaitTrue(() -> events.ended(stream), stream + "'s end marker processed");
    }
    localizer.close();
    localizer = null;
  }

  @Test
  void streamsThroughTheRunningServiceGiveTheSegmentsOfAnUnbrokenDriverRun() throws Exception {
    Checkpoint checkpoint = publish(TestCheckpoints.tiny(MODEL, "head", 1));
    List<ClipSnippet> first = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    List<ClipSnippet> second = TestCheckpoints.stream("cam2", SNIPPETS, 2);
    startLocalizer();

    LiveTopics.publish(bootstrap, first);
    LiveTopics.publish(bootstrap, second);
    finish("cam1", "cam2");

    List<Segment> expected = LiveTopics.withoutLatency(DriverRun.segments(checkpoint, settings, first));
    assertThat(expected).isNotEmpty();
    assertThat(LiveTopics.withoutLatency(LiveTopics.segments(bootstrap, "cam1"))).isEqualTo(expected);
    assertThat(LiveTopics.withoutLatency(LiveTopics.segments(bootstrap, "cam2")))
        .isEqualTo(LiveTopics.withoutLatency(DriverRun.segments(checkpoint, settings, second)));
  }

  @Test
  void aCheckpointPublishedMidStreamNamesTheLaterSegmentsWithoutARestart() throws Exception {
    Checkpoint first = publish(TestCheckpoints.tiny(MODEL, "head", 1));
    List<ClipSnippet> stream = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    startLocalizer();
    LiveTopics.publish(bootstrap, stream.subList(0, SWAP_AFTER + 1));
    events.awaitProcessed("cam1", SWAP_AFTER);

    Checkpoint second = publish(TestCheckpoints.tiny(MODEL, "head", 2));
    assertThat(events.await("loaded")).isEqualTo("loaded " + CheckpointConfig.versionOf(second.manifest()));
    LiveTopics.publish(bootstrap, stream.subList(SWAP_AFTER + 1, stream.size()));
    finish("cam1");

    List<Segment> found = LiveTopics.segments(bootstrap, "cam1");
    assertThat(found.get(0).model()).isEqualTo(CheckpointConfig.versionOf(first.manifest()));
    assertThat(found.get(found.size() - 1).model()).isEqualTo(CheckpointConfig.versionOf(second.manifest()));
    assertThat(LiveTopics.withoutLatency(found)).isEqualTo(swappedDriverRun(first, second, stream));
  }

  @Test
  void checkpointsThatFailTheirSha256OrDoNotLoadAreRefusedAndTheRunningModelKeepsProducing() throws Exception {
    Checkpoint running = publish(TestCheckpoints.tiny(MODEL, "head", 1));
    List<ClipSnippet> stream = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    startLocalizer();
    LiveTopics.publish(bootstrap, stream.subList(0, SWAP_AFTER + 1));
    events.awaitProcessed("cam1", SWAP_AFTER);

    TamperedCheckpoint.publish(bootstrap, TestCheckpoints.tiny(MODEL, "head", 2));
    assertThat(events.await("refused")).contains("CHECKSUM_MISMATCH");
    publish(TestCheckpoints.unloadable(MODEL, 3));
    assertThat(events.await("refused")).contains("does not fit network");
    LiveTopics.publish(bootstrap, stream.subList(SWAP_AFTER + 1, stream.size()));
    finish("cam1");

    assertThat(localizer).isNull();
    assertThat(LiveTopics.withoutLatency(LiveTopics.segments(bootstrap, "cam1")))
        .isEqualTo(LiveTopics.withoutLatency(DriverRun.segments(running, settings, stream)));
  }

  /** What an unbroken run finds when the model is swapped after snippet {@link #SWAP_AFTER}. */
  private List<Segment> swappedDriverRun(Checkpoint first, Checkpoint second, List<ClipSnippet> stream) {
    List<Segment> segments = new ArrayList<>();
    try (CurrentModel models = new CurrentModel()) {
      models.swap(InferenceModel.load(first));
      try (DriverRun run = new DriverRun(settings, models)) {
        for (ClipSnippet snippet : stream) {
          run.pipe(snippet);
          if (snippet.snippetIndex() == SWAP_AFTER) {
            models.swap(InferenceModel.load(second));
          }
        }
        segments.addAll(run.segments());
      }
    }
    return LiveTopics.withoutLatency(segments);
  }
}
