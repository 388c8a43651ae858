package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.SyntheticClips;
import dev.lofi.trainer.data.SnippetAugmentation;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pretrain stage on tiny trimmed clips from a real broker, and the lofi stage starting from it. */
class PretrainingTest {

  private static final NetworkConfig NETWORK = TinyNetworks.anchorFree(2);
  private static final String TAG = UUID.randomUUID().toString().substring(0, 6);
  private static final String FULL = "full" + TAG;
  private static final String MODEL = "pre-" + TAG;
  private static final Shape INPUT = new Shape(2, 4, 2, 3, 32, 32);
  private static final int EPOCHS = 5;

  private static String bootstrap;
  private static Pretraining.Result result;
  private static final List<TrainerMetric> EPOCH_METRICS = new ArrayList<>();

  @BeforeAll
  static void pretrainOnTrimmedClips() {
    bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    SyntheticClips.publishTrimmed(bootstrap, "c" + TAG + "_", 8, 2, Map.of(FULL, new int[] {4, 32}),
        Pretraining.SUBSET);
    // Untrimmed videos of another subset are not pre-training's.
    SyntheticClips.publish(bootstrap, "v" + TAG + "_", 2, 2, Map.of(FULL, new int[] {4, 32}), "training");
    // Segments at this test's own fidelity: no other test's validation videos pick its epoch.
    PretrainingSettings settings = PretrainingSettings.builder(MODEL).optFidelity(FULL).optEpochs(EPOCHS)
        .optBatchSize(2).optSegmentFidelity(FULL).optAugmentation(SnippetAugmentation.NONE).build();
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, MODEL, new StageListener() {
      @Override
      public void epochFinished(TrainerMetric metric) {
        EPOCH_METRICS.add(metric);
      }
    })) {
      result = new Pretraining(bootstrap, settings, metrics).run(NETWORK);
    }
  }

  @Test
  void theLossFallsAndTheClipsEndUpClassifiedAboveChance() {
    assertThat(result.steps()).isEqualTo(EPOCHS * 4);
    assertThat(result.classes()).isEqualTo(SyntheticClips.LABELS);
    List<Double> losses = result.epochLosses();
    assertThat(losses.get(EPOCHS - 1)).as("epoch losses %s, accuracies %s", losses, result.epochAccuracies()).isLessThan(losses.get(0));
    assertThat(result.epochAccuracies().get(EPOCHS - 1)).as("accuracies %s", result.epochAccuracies())
        .isGreaterThan(0.5);
    assertThat(EPOCH_METRICS).extracting(TrainerMetric::accuracy).containsExactlyElementsOf(result.epochAccuracies());
    assertThat(EPOCH_METRICS).extracting(TrainerMetric::stage).containsOnly(Pretraining.STAGE);
    assertThat(EPOCH_METRICS).extracting(TrainerMetric::fidelity).containsOnly(FULL);
  }

  @Test
  void eachEpochPublishesTheWholeLocalizationNetworkWhichLoadsBack() {
    Checkpoint checkpoint = Pretraining.latestCheckpoint(bootstrap, MODEL).orElseThrow();
    assertThat(checkpoint.manifest().stage()).isEqualTo(Pretraining.STAGE);
    assertThat(checkpoint.manifest().epoch()).isEqualTo(EPOCHS - 1);
    assertThat(checkpoint.manifest().version()).isEqualTo(result.checkpoint().version());
    assertThat(checkpoint.manifest().config()).containsEntry("labels", SyntheticClips.LABELS)
        .containsEntry("num_classes", 2);
    try (NDManager manager = NDManager.newBaseManager()) {
      LocalizationNetwork network = NetworkCheckpoint.load(manager, NETWORK, checkpoint.parameters(), INPUT);
      NDList out = network.forward(new ParameterStore(manager, false), new NDList(manager.randomUniform(0, 1, INPUT)),
          false);
      assertThat(out.get(0).getShape().get(0)).isEqualTo(2);
    }
  }

  @Test
  void jointTrainingStartedFromTheCheckpointBeginsWithItsParameters() {
    byte[] parameters = Pretraining.latestCheckpoint(bootstrap, MODEL).orElseThrow().parameters();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray videos = manager.randomUniform(0, 1, INPUT);
      LocalizationNetwork pretrained = NetworkCheckpoint.load(manager, NETWORK, parameters, INPUT);
      float[] expected = pretrained.forward(new ParameterStore(manager, false), new NDList(videos), false).get(0)
          .toFloatArray();

      assertThat(outputOfANewLofiTrainer(videos, Optional.of(parameters))).containsExactly(expected);
      assertThat(outputOfANewLofiTrainer(videos, Optional.empty())).isNotEqualTo(expected);
    }
  }

  @Test
  void theLofiStageRunsFromThePretrainCheckpoint() {
    Checkpoint checkpoint = Pretraining.latestCheckpoint(bootstrap, MODEL).orElseThrow();
    @SuppressWarnings("unchecked")
    List<String> labels = (List<String>) checkpoint.manifest().config().get("labels");
    JointTrainingSettings settings = JointTrainingSettings.builder("joint-" + TAG).optFidelities(List.of(FULL))
        .optEpochs(1).optBatchSize(2).optLearningRate(0.05f).optMaxSteps(1).build();
    JointTraining.Result joint;
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, "joint-" + TAG, StageListener.NONE)) {
      joint = new JointTraining(bootstrap, settings, metrics).run(NETWORK, labels,
          Optional.of(checkpoint.parameters()));
    }
    assertThat(joint.steps()).isEqualTo(1);
    assertThat(joint.epochLosses()).singleElement().matches(loss -> Double.isFinite(loss));
  }

  @Test
  void parametersOfAnotherStructureAreRefused() {
    byte[] parameters = Pretraining.latestCheckpoint(bootstrap, MODEL).orElseThrow().parameters();
    NetworkConfig threeClasses = NETWORK.withClasses(3);
    try (Model model = Model.newInstance("other-" + TAG)) {
      assertThatThrownBy(() -> JointTraining.newTrainer(model, threeClasses.build(), threeClasses,
          new DefaultTrainingConfig(Loss.l2Loss()), INPUT, Optional.of(parameters)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit network");
    }
  }

  /** The first output of a lofi-stage trainer before any step, in inference mode, through its own parameter store. */
  private static float[] outputOfANewLofiTrainer(NDArray videos, Optional<byte[]> initial) {
    try (Model model = Model.newInstance("joint-" + TAG)) {
      model.getNDManager().getEngine().setRandomSeed(7);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss());
      try (Trainer trainer = JointTraining.newTrainer(model, NETWORK.build(), NETWORK, config, INPUT, initial)) {
        NDArray copy = trainer.getManager().create(videos.toFloatArray(), INPUT);
        return trainer.evaluate(new NDList(copy)).get(0).toFloatArray();
      }
    }
  }
}
