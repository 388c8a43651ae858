package dev.lofi.model.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsmResNetTest {

  private static final int N = 2;
  private static final int T = 4;
  private static final float TINY = 0.125f;

  private static TsmResNet.Builder tiny(int depth) {
    return TsmResNet.builder().setDepth(depth).optWidthMultiplier(TINY).optFramesPerSnippet(T)
        .optStemStride(2);
  }

  private static Block initialized(TsmResNet.Builder builder, NDManager manager, int side) {
    Block block = builder.build();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, T, 3, side, side));
    return block;
  }

  /** Inference-mode forward: {@code [N, T, 3, H, W] -> [N, D]}. */
  private static NDArray encode(Block block, NDArray snippets) {
    return block.forward(new ParameterStore(snippets.getManager(), false), new NDList(snippets),
        false).singletonOrThrow();
  }

  private static long trainableParameters(Block block) {
    return block.getParameters().values().stream().filter(Parameter::requiresGradient)
        .mapToLong(p -> p.getArray().size()).sum();
  }

  @ParameterizedTest(name = "depth {0}, {1}x{1}, stem stride {2}")
  @CsvSource({"18, 32, 2", "34, 32, 2", "50, 32, 2", "18, 64, 2", "50, 64, 2", "18, 64, 4",
      "18, 32, 4", "34, 32, 1"})
  void encodesSnippetsToOneFeatureEach(int depth, int side, int stemStride) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = initialized(tiny(depth).optStemStride(stemStride), manager, side);
      NDArray features = encode(block, manager.randomNormal(new Shape(N, T, 3, side, side)));

      assertThat(features.getShape()).isEqualTo(new Shape(N, TsmResNet.featureDim(depth, TINY)));
      assertThat(block.getOutputShapes(new Shape[] {new Shape(N, T, 3, side, side)})[0])
          .isEqualTo(features.getShape());
    }
  }

  @Test
  void featureDimIsTheLastWidthTimesTheExpansion() {
    assertThat(TsmResNet.featureDim(18, 1f)).isEqualTo(512);
    assertThat(TsmResNet.featureDim(34, 0.25f)).isEqualTo(128);
    assertThat(TsmResNet.featureDim(50, 1f)).isEqualTo(2048);
    assertThat(TsmResNet.featureDim(50, TINY)).isEqualTo(256);
    assertThat(TsmResNet.stageWidths(TINY)).containsExactly(8, 16, 32, 64);
    assertThat(TsmResNet.stageWidths(0.1f)).containsExactly(8, 16, 24, 48);
    assertThat(TsmResNet.stageWidths(0.01f)).containsExactly(8, 8, 8, 8);
    assertThat(TsmResNet.stemStrideFor(224)).isEqualTo(4);
    assertThat(TsmResNet.stemStrideFor(112)).isEqualTo(4);
    assertThat(TsmResNet.stemStrideFor(64)).isEqualTo(2);
  }

  @Test
  void fullWidthParameterCountsMatchTorchvisionWithoutTheClassifier() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // torchvision resnet18 / resnet50 minus the 1000-way fc layer
      assertThat(trainableParameters(initialized(
          TsmResNet.builder().setDepth(18).optFramesPerSnippet(T), manager, 32)))
          .isEqualTo(11_689_512L - 513_000L);
      assertThat(trainableParameters(initialized(
          TsmResNet.builder().setDepth(18).optFramesPerSnippet(T).optWidthMultiplier(0.25f),
          manager, 32)))
          .isEqualTo(702_096L); // widths 16-32-64-128, counted by hand
      assertThat(trainableParameters(initialized(
          TsmResNet.builder().setDepth(50).optFramesPerSnippet(T), manager, 32)))
          .isEqualTo(25_557_032L - 2_049_000L);
    }
  }

  @Test
  void builderRefusesBadValuesNamingThem() {
    assertThatThrownBy(() -> TsmResNet.builder().setDepth(20).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("depth").hasMessageContaining("20");
    assertThatThrownBy(() -> TsmResNet.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth must be set");
    assertThatThrownBy(() -> TsmResNet.builder().setDepth(18).optWidthMultiplier(0f).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("widthMultiplier").hasMessageContaining("0.0");
    assertThatThrownBy(() -> TsmResNet.builder().setDepth(18).optShiftDivisor(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shiftDivisor").hasMessageContaining("got 1");
    assertThatThrownBy(() -> tiny(18).optShiftDivisor(16).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shiftDivisor 16").hasMessageContaining("width 8");
    assertThatThrownBy(() -> TsmResNet.builder().setDepth(18).optFramesPerSnippet(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("framesPerSnippet");
    assertThatThrownBy(() -> TsmResNet.builder().setDepth(18).optStemStride(3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stemStride").hasMessageContaining("3");
  }

  @Test
  void refusesSnippetsOfAnotherLength() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = initialized(tiny(18), manager, 32);
      NDArray threeFrames = manager.zeros(new Shape(N, 3, 3, 32, 32));

      assertThatThrownBy(() -> encode(block, threeFrames))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T=4")
          .hasMessageContaining("(2, 3, 3, 32, 32)");
    }
  }

  /**
   * Without the shift every frame is encoded alone and the time average ignores frame order; with
   * it, reversing the frames changes the feature. Same parameters in both: the shift has none.
   */
  @Test
  void theShiftMakesFeaturesDependOnFrameOrder() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(7);
      Block shifted = initialized(tiny(18), manager, 32);
      Block frameWise = tiny(18).optShiftDivisor(0).build();
      frameWise.initialize(manager, DataType.FLOAT32, new Shape(1, T, 3, 32, 32));
      copyParameters(shifted, frameWise);
      NDArray snippets = manager.randomNormal(new Shape(1, T, 3, 32, 32));
      NDArray reversed = snippets.flip(1);

      float[] frameWiseForward = encode(frameWise, snippets).toFloatArray();
      float[] frameWiseReversed = encode(frameWise, reversed).toFloatArray();
      for (int i = 0; i < frameWiseForward.length; i++) {
        assertThat(frameWiseReversed[i]).isCloseTo(frameWiseForward[i], within(1e-4f));
      }
      float difference = encode(shifted, snippets).sub(encode(shifted, reversed)).abs().max()
          .getFloat();
      assertThat(difference).isGreaterThan(1e-3f);
    }
  }

  private static void copyParameters(Block from, Block to) {
    var source = from.getParameters().values();
    var target = to.getParameters().values();
    assertThat(target).hasSameSizeAs(source);
    for (int i = 0; i < source.size(); i++) {
      target.get(i).getArray().set(source.get(i).getArray().toFloatArray());
    }
  }

  /** LoFi's point: the head's loss trains the encoder, down to the first convolution. */
  @Test
  void aTrainerStepChangesTheStemWeights() {
    try (Model model = Model.newInstance("encoder")) {
      model.setBlock(tiny(18).build());
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(N, T, 3, 32, 32));
        Parameter stemWeight = model.getBlock().getParameters().valueAt(0);
        assertThat(stemWeight.getArray().getShape()).isEqualTo(new Shape(8, 3, 3, 3));
        float[] before = stemWeight.getArray().toFloatArray();

        try (NDManager step = trainer.getManager().newSubManager()) {
          NDArray snippets = step.randomNormal(new Shape(N, T, 3, 32, 32));
          NDArray target = step.ones(new Shape(N, TsmResNet.featureDim(18, TINY)));
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray features = trainer.forward(new NDList(snippets)).singletonOrThrow();
            collector.backward(
                trainer.getLoss().evaluate(new NDList(target), new NDList(features)));
          }
          assertThat(stemWeight.getArray().getGradient().abs().sum().getFloat())
              .isGreaterThan(0f);
          trainer.step();
        }

        float[] after = stemWeight.getArray().toFloatArray();
        assertThat(Arrays.equals(before, after)).as("stem weights changed").isFalse();
      }
    }
  }

  @Test
  void savedParametersLoadIntoAFreshEncoderAndGiveTheSameFeatures(@TempDir Path dir)
      throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray snippets = manager.randomNormal(new Shape(N, T, 3, 32, 32));
      float[] original;
      try (Model model = Model.newInstance("encoder")) {
        model.setBlock(tiny(50).build());
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
            new Shape(1, T, 3, 32, 32));
        original = encode(model.getBlock(), snippets).toFloatArray();
        model.save(dir, "encoder");
      }
      try (Model model = Model.newInstance("encoder")) {
        model.setBlock(tiny(50).build());
        model.load(dir, "encoder");
        assertThat(encode(model.getBlock(), snippets).toFloatArray()).containsExactly(original);
      }
      try (Model model = Model.newInstance("encoder")) {
        model.setBlock(tiny(50).optShiftDivisor(0).build());
        assertThatThrownBy(() -> model.load(dir, "encoder"))
            .hasMessageContaining("divisor 8");
      }
    }
  }
}
