package dev.lofi.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lofi.model.encoder.TsmResNet;
import dev.lofi.model.head.AnchorFreeHead;
import dev.lofi.model.head.VideoTargets;
import dev.lofi.model.segment.LabeledSegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The joint network: the head's loss must reach the encoder, at any number of snippets. */
class LocalizationNetworkTest {

  private static final int T = 2;
  private static final float WIDTH = 0.125f;

  private static LocalizationNetwork network() {
    return new LocalizationNetwork(
        TsmResNet.builder().setDepth(18).optWidthMultiplier(WIDTH).optFramesPerSnippet(T).optStemStride(2).build(),
        TsmResNet.featureDim(18, WIDTH),
        AnchorFreeHead.builder().setNumClasses(3).setInputDim(TsmResNet.featureDim(18, WIDTH))
            .optEmbedDim(16).optLevels(2).optHeadLayers(1).build());
  }

  @Test
  void theHeadsLossChangesTheEncodersFirstConvolution() {
    int snippets = 4;
    try (Model model = Model.newInstance("lofi")) {
      LocalizationNetwork network = network();
      model.setBlock(network);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        Shape input = new Shape(2, snippets, T, 3, 32, 32);
        trainer.initialize(input);
        Parameter stem = network.encoder().getParameters().valueAt(0);
        float[] before = stem.getArray().toFloatArray();
        try (NDManager step = trainer.getManager().newSubManager()) {
          NDArray videos = step.randomNormal(input);
          List<VideoTargets> targets = List.of(
              VideoTargets.of(8.0, snippets, List.of(new LabeledSegment(1, 2.0, 6.0))),
              VideoTargets.of(8.0, snippets, List.of(new LabeledSegment(2, 0.0, 3.0))));
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDList out = trainer.forward(new NDList(videos));
            NDArray loss = network.head().loss(out, targets);
            assertThat(loss.getFloat()).isFinite().isPositive();
            gc.backward(loss);
          }
          assertThat(stem.getArray().getGradient().abs().sum().getFloat()).isPositive();
          trainer.step();
        }
        assertThat(stem.getArray().toFloatArray()).isNotEqualTo(before);
      }
    }
  }

  @Test
  void withFrozenStatisticsTheEncodersBatchNormsKeepTheirMeansWhileItsWeightsStillLearn() {
    assertThat(statisticsAfterAStep(true)).as("frozen").containsExactlyElementsOf(statisticsAfterAStep(null));
    assertThat(statisticsAfterAStep(false)).as("training").isNotEqualTo(statisticsAfterAStep(null));
  }

  /**
   * The encoder's batch-norm running means and variances, after one SGD step with the statistics
   * frozen or not, or (null) before any step; the stem's weights must change either way.
   */
  private static List<Float> statisticsAfterAStep(Boolean frozen) {
    try (Model model = Model.newInstance("lofi")) {
      LocalizationNetwork network = network();
      model.setBlock(network);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build());
      model.getNDManager().getEngine().setRandomSeed(3);
      try (Trainer trainer = model.newTrainer(config)) {
        Shape input = new Shape(2, 4, T, 3, 32, 32);
        trainer.initialize(input);
        if (frozen != null) {
          network.freezeEncoderStatistics(frozen);
          Parameter stem = network.encoder().getParameters().valueAt(0);
          float[] before = stem.getArray().toFloatArray();
          try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray videos = step.randomNormal(2, 1, input, DataType.FLOAT32);
            List<VideoTargets> targets = List.of(
                VideoTargets.of(8.0, 4, List.of(new LabeledSegment(1, 2.0, 6.0))),
                VideoTargets.of(8.0, 4, List.of(new LabeledSegment(2, 0.0, 3.0))));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              gc.backward(network.head().loss(trainer.forward(new NDList(videos)), targets));
            }
            trainer.step();
          }
          assertThat(stem.getArray().toFloatArray()).as("stem weights").isNotEqualTo(before);
        }
        List<Float> statistics = new ArrayList<>();
        network.encoder().getParameters().stream().filter(p -> p.getKey().contains("running"))
            .forEach(p -> {
              for (float value : p.getValue().getArray().toFloatArray()) {
                statistics.add(value);
              }
            });
        assertThat(statistics).isNotEmpty();
        return statistics;
      }
    }
  }

  @Test
  void oneNetworkServesEveryNumberOfSnippetsAndFrameSize() {
    try (Model model = Model.newInstance("lofi")) {
      LocalizationNetwork network = network();
      model.setBlock(network);
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
        trainer.initialize(new Shape(1, 8, T, 3, 32, 32));
        try (NDManager step = trainer.getManager().newSubManager()) {
          for (int[] fidelity : new int[][] {{8, 32}, {2, 32}, {4, 24}}) {
            NDArray videos = step.randomNormal(new Shape(1, fidelity[0], T, 3, fidelity[1], fidelity[1]));
            NDArray features = network.features(new ParameterStore(step, false), videos, false, null);
            assertThat(features.getShape()).isEqualTo(new Shape(1, TsmResNet.featureDim(18, WIDTH), fidelity[0]));
            assertThat(trainer.evaluate(new NDList(videos)).size()).isEqualTo(2);
          }
        }
      }
    }
  }
}
