package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.FeatureSequence;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.topics.scan.LatestValues;
import dev.lofi.trainer.SyntheticClips;
import dev.lofi.trainer.data.ClipFetcher;
import dev.lofi.trainer.data.TrainingSet;
import dev.lofi.trainer.data.VideoBatch;
import dev.lofi.trainer.data.VideoClips;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The extract and head stages on tiny videos from a real broker: LoFi's stages (3) and (4). */
class FeatureStagesTest {

  private static final NetworkConfig NETWORK = TinyNetworks.anchorFree(SyntheticClips.LABELS.size());
  private static final int SNIPPETS = 8;
  private static final int SIDE = 16;
  private static final Shape INPUT = new Shape(1, SNIPPETS, 2, 3, SIDE, SIDE);

  private final String tag = UUID.randomUUID().toString().substring(0, 6);
  private final String full = "full" + tag;
  private final String source = "lofi-" + tag;

  @Test
  void extractionWritesEachVideosFullFidelityFeaturesAndTheHeadLearnsOnThemWithTheEncoderFrozenScoringValidation() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    SyntheticClips.publish(bootstrap, "f" + tag + "_", 6, 2, Map.of(full, new int[] {SNIPPETS, SIDE}), "training");
    SyntheticClips.publish(bootstrap, "g" + tag + "_", 2, 2, Map.of(full, new int[] {SNIPPETS, SIDE}), "validation");
    CheckpointManifest lofi = publishFreshNetwork(bootstrap);
    String version = CheckpointConfig.versionOf(lofi);

    FeatureExtraction.Result extraction = new FeatureExtraction(bootstrap,
        new FeatureExtractionSettings(source, full, FeatureExtractionSettings.DEFAULT_SUBSETS, 4),
        StageListener.NONE).run();

    assertThat(extraction.extracted()).containsExactly(Map.entry("training", 6), Map.entry("validation", 2));
    Map<String, FeatureSequence> features = LatestValues.read(bootstrap, TopicCatalog.FEATURES.name(),
            RecordSerdes.featureSequence(), "test").entrySet().stream()
        .filter(e -> e.getKey().contains(tag)).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(features).hasSize(8);
    assertThat(features.values()).allSatisfy(f -> {
      assertThat(f.modelVersion()).isEqualTo(version);
      assertThat(f.snippetCount()).isEqualTo(SNIPPETS);
      assertThat(f.dim()).isEqualTo(NETWORK.head().inputDim());
      assertThat(f.durationSeconds()).isEqualTo(SyntheticClips.SECONDS);
    });
    assertRowMajorEncoderFeatures(bootstrap, features);
    FeatureExtraction.Result again = new FeatureExtraction(bootstrap,
        new FeatureExtractionSettings(source, full, FeatureExtractionSettings.DEFAULT_SUBSETS, 4),
        StageListener.NONE).run();
    assertThat(again.total()).as("the same encoder over the same clips is not run again").isZero();
    assertThat(again.reused()).containsExactly(Map.entry("training", 6), Map.entry("validation", 2));

    List<TrainerMetric> steps = new ArrayList<>();
    HeadTraining.Result head;
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, "head-" + tag, new StageListener() {
      @Override
      public void stepFinished(TrainerMetric metric) {
        steps.add(metric);
      }
    })) {
      head = new HeadTraining(bootstrap, HeadTrainingSettings.builder(source, "tal-" + tag).optEpochs(6)
          .optBatchSize(2).optLearningRate(0.05f).optCheckpointEvery(4).build(), metrics)
          .run();
    }

    assertThat(head.steps()).isEqualTo(6 * 3);
    assertThat(head.encoder()).isEqualTo(version);
    List<Double> losses = head.epochLosses();
    assertThat(losses.get(5)).as("epoch losses %s", losses).isLessThan(losses.get(0));
    assertThat(steps).hasSize(18).allMatch(m -> "head".equals(m.stage()) && m.fidelity() == null);
    assertThat(head.checkpoint().stage()).isEqualTo("head");
    assertThat(head.checkpoint().config()).containsEntry(CheckpointConfig.ENCODER_CHECKPOINT, version);
    // The two validation videos' features are scored after every epoch; the best epoch's head is kept.
    assertThat(head.epochMaps()).hasSize(6).allMatch(map -> map >= 0 && map <= 1);
    int best = BestEpochTest.lastIndexOfMax(head.epochMaps());
    assertThat(head.checkpoint().epoch()).as("validation mAPs %s", head.epochMaps()).isEqualTo(best);
    assertThat(head.checkpoint().metrics()).containsEntry("average_map", head.epochMaps().get(best));

    FeatureExtraction.Result fromHead = new FeatureExtraction(bootstrap,
        new FeatureExtractionSettings("tal-" + tag, full, FeatureExtractionSettings.DEFAULT_SUBSETS, 4),
        StageListener.NONE).run();
    assertThat(fromHead.total()).as("a head checkpoint's encoder is its source's: its features are there").isZero();
    assertThat(head.checkpoint().config().get(CheckpointConfig.TRAINED_ON)).as("the videos the head learnt")
        .isInstanceOf(Map.class).satisfies(videos -> assertThat(((Map<?, ?>) videos).keySet()).hasSize(6)
            .allMatch(id -> id.toString().startsWith("f" + tag)));

    // One checkpoint holds the whole network: the source's encoder byte for byte, and a new head.
    CheckpointStore store = new CheckpointStore(bootstrap);
    Checkpoint trained = store.latest("tal-" + tag).orElseThrow();
    Checkpoint original = store.latest(source).orElseThrow();
    try (NDManager manager = NDManager.newBaseManager()) {
      LocalizationNetwork after = NetworkCheckpoint.load(manager, trained, INPUT);
      LocalizationNetwork before = NetworkCheckpoint.load(manager, original, INPUT);
      assertThat(NetworkCheckpoint.parameters(after.encoder()))
          .isEqualTo(NetworkCheckpoint.parameters(before.encoder()));
      assertThat(NetworkCheckpoint.parameters(after.head()))
          .isNotEqualTo(NetworkCheckpoint.parameters(before.head()));
    }
  }

  @Test
  void aClassTheTrainingVideosHoldAndTheSourceLacksIsAddedAfterItsClassesOverTheSameEncoder() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    SyntheticClips.publish(bootstrap, "n" + tag + "_", 4, 2, Map.of(full, new int[] {SNIPPETS, SIDE}), "training");
    List<String> known = SyntheticClips.LABELS.subList(1, 2);
    publishFreshNetwork(bootstrap, TinyNetworks.anchorFree(known.size()), known);
    new FeatureExtraction(bootstrap, new FeatureExtractionSettings(source, full, List.of("training"), 4),
        StageListener.NONE).run();

    HeadTraining.Result head;
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, "grown-" + tag, StageListener.NONE)) {
      head = new HeadTraining(bootstrap, HeadTrainingSettings.builder(source, "grown-" + tag).optEpochs(1)
          .optBatchSize(2).build(), metrics).run();
    }

    CheckpointConfig grown = CheckpointConfig.of(head.checkpoint());
    assertThat(grown.labels()).containsExactly(known.get(0), SyntheticClips.LABELS.get(0));
    assertThat(grown.network().head().numClasses()).isEqualTo(2);
    CheckpointStore store = new CheckpointStore(bootstrap);
    try (NDManager manager = NDManager.newBaseManager()) {
      LocalizationNetwork after = NetworkCheckpoint.load(manager, store.latest("grown-" + tag).orElseThrow(), INPUT);
      LocalizationNetwork before = NetworkCheckpoint.load(manager, store.latest(source).orElseThrow(), INPUT);
      assertThat(NetworkCheckpoint.parameters(after.encoder()))
          .isEqualTo(NetworkCheckpoint.parameters(before.encoder()));
    }
  }

  /** A checkpoint of a freshly initialised network stands in for the lofi stage's. */
  private CheckpointManifest publishFreshNetwork(String bootstrap) {
    return publishFreshNetwork(bootstrap, NETWORK, SyntheticClips.LABELS);
  }

  private CheckpointManifest publishFreshNetwork(String bootstrap, NetworkConfig config, List<String> labels) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(7);
      LocalizationNetwork network = config.build();
      network.initialize(manager, DataType.FLOAT32, INPUT);
      return NetworkCheckpoint.publish(bootstrap, source, "lofi", 0, 1,
          new CheckpointConfig(config, labels, List.of("s")), Map.of("loss", 1.0), network);
    }
  }

  /** The published values of a video are the encoder's {@code [D, L]} features, stored as {@code [L, D]}. */
  private void assertRowMajorEncoderFeatures(String bootstrap, Map<String, FeatureSequence> features) {
    TrainingSet.Entry entry = TrainingSet.load(bootstrap, full, "training").entries().stream()
        .filter(e -> e.video().videoId().contains(tag)).findFirst().orElseThrow();
    FeatureSequence published = features.get(entry.video().videoId());
    try (NDManager manager = NDManager.newBaseManager();
         ClipFetcher fetcher = new ClipFetcher(bootstrap)) {
      LocalizationNetwork network = NetworkCheckpoint.load(manager,
          new CheckpointStore(bootstrap).latest(source).orElseThrow(), INPUT);
      VideoClips clips = new VideoClips(entry.video().videoId(), full, fetcher.fetch(entry.location()).orElseThrow(),
          entry.truth());
      NDArray expected = network.features(new ParameterStore(manager, false),
          VideoBatch.videos(manager, List.of(clips)), false, null);                        // [1, D, L]
      int dim = published.dim();
      for (int l = 0; l < SNIPPETS; l++) {
        for (int d = 0; d < dim; d += 7) {
          assertThat(published.values()[l * dim + d]).as("snippet %d, feature %d", l, d)
              .isEqualTo(expected.getFloat(0, d, l));
        }
      }
    }
  }
}
