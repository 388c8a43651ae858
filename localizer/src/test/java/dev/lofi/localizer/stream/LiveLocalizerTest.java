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
  private static final List<ClipSnippet> CAM1 = TestCheckpoints.stream("cam1", SNIPPETS, 1);

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

  /** Starts the localizer and waits until it has processed cam1 up to snippet {@link #SWAP_AFTER}. */
  private void startOnTheFirstSnippets() throws InterruptedException {
    startLocalizer();
    LiveTopics.publish(bootstrap, CAM1.subList(0, SWAP_AFTER + 1));
    events.awaitProcessed("cam1", SWAP_AFTER);
  }

  /** Publishes the rest of cam1 and stops the localizer once it has processed it. */
  private void finishWithTheRestOfTheSnippets() throws InterruptedException {
    LiveTopics.publish(bootstrap, CAM1.subList(SWAP_AFTER + 1, CAM1.size()));
    finish("cam1");
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
    List<ClipSnippet> second = TestCheckpoints.stream("cam2", SNIPPETS, 2);
    startLocalizer();

    LiveTopics.publish(bootstrap, CAM1);
    LiveTopics.publish(bootstrap, second);
    finish("cam1", "cam2");

    List<Segment> expected = LiveTopics.withoutLatency(DriverRun.segments(checkpoint, settings, CAM1));
    assertThat(expected).isNotEmpty();
    assertThat(LiveTopics.withoutLatency(LiveTopics.segments(bootstrap, "cam1"))).isEqualTo(expected);
    assertThat(LiveTopics.withoutLatency(LiveTopics.segments(bootstrap, "cam2")))
        .isEqualTo(LiveTopics.withoutLatency(DriverRun.segments(checkpoint, settings, second)));
  }

  @Test
  void aCheckpointPublishedMidStreamNamesTheLaterSegmentsWithoutARestart() throws Exception {
    Checkpoint first = publish(TestCheckpoints.tiny(MODEL, "head", 1));
    startOnTheFirstSnippets();

    Checkpoint second = publish(TestCheckpoints.tiny(MODEL, "head", 2));
    assertThat(events.await("loaded")).isEqualTo("loaded " + CheckpointConfig.versionOf(second.manifest()));
    finishWithTheRestOfTheSnippets();

    List<Segment> found = LiveTopics.segments(bootstrap, "cam1");
    assertThat(found.get(0).model()).isEqualTo(CheckpointConfig.versionOf(first.manifest()));
    assertThat(found.get(found.size() - 1).model()).isEqualTo(CheckpointConfig.versionOf(second.manifest()));
    assertThat(LiveTopics.withoutLatency(found)).isEqualTo(swappedDriverRun(first, second));
  }

  @Test
  void aCheckpointOfAnotherHeadKindIsHotLoadedMidStreamAndLocalizesTheRest() throws Exception {
    Checkpoint first = publish(TestCheckpoints.tiny(MODEL, "head", 1));
    startOnTheFirstSnippets();

    Checkpoint gtad = publish(TestCheckpoints.tiny(MODEL, "head", 2, TestCheckpoints.gtadNetwork(TestCheckpoints.FRAMES)));
    assertThat(events.await("loaded")).isEqualTo("loaded " + CheckpointConfig.versionOf(gtad.manifest()));
    finishWithTheRestOfTheSnippets();

    List<Segment> found = LiveTopics.segments(bootstrap, "cam1");
    assertThat(found).extracting(Segment::model).contains(CheckpointConfig.versionOf(gtad.manifest()));
    assertThat(LiveTopics.withoutLatency(found)).isEqualTo(swappedDriverRun(first, gtad));
  }

  @Test
  void checkpointsThatFailTheirSha256OrDoNotLoadAreRefusedAndTheRunningModelKeepsProducing() throws Exception {
    Checkpoint running = publish(TestCheckpoints.tiny(MODEL, "head", 1));
    startOnTheFirstSnippets();

    TamperedCheckpoint.publish(bootstrap, TestCheckpoints.tiny(MODEL, "head", 2));
    assertThat(events.await("refused")).contains("CHECKSUM_MISMATCH");
    publish(TestCheckpoints.unloadable(MODEL, 3));
    assertThat(events.await("refused")).contains("does not fit network");
    finishWithTheRestOfTheSnippets();

    assertThat(LiveTopics.withoutLatency(LiveTopics.segments(bootstrap, "cam1")))
        .isEqualTo(LiveTopics.withoutLatency(DriverRun.segments(running, settings, CAM1)));
  }

  /** What an unbroken run finds when the model is swapped after snippet {@link #SWAP_AFTER}. */
  private List<Segment> swappedDriverRun(Checkpoint first, Checkpoint second) {
    List<Segment> segments = new ArrayList<>();
    try (CurrentModel models = new CurrentModel()) {
      models.swap(InferenceModel.load(first));
      try (DriverRun run = new DriverRun(settings, models)) {
        for (ClipSnippet snippet : CAM1) {
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
