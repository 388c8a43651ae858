package dev.lofi.model.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class FrameInputTest {

  @Test
  void rgbDifferenceSetsEachFramesChangeFromTheOneBeforeBesideIt() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // 1 snippet of 3 frames, 1x1 pixels: frame t is (t^2, 0, 1).
      NDArray frames = manager.create(new float[] {0, 0, 1, 1, 0, 1, 4, 0, 1}, new Shape(1, 3, 3, 1, 1));

      NDArray input = FrameInput.RGB_DIFF.apply(frames);

      assertThat(input.getShape()).isEqualTo(new Shape(1, 3, 6, 1, 1));
      assertThat(input.get(new NDIndex(":, :, :3")).toFloatArray()).containsExactly(frames.toFloatArray());
      // Differences 1-0 and 4-1; the first frame takes the second's.
      assertThat(input.get(new NDIndex(":, :, 3:")).toFloatArray()).containsExactly(1, 0, 0, 1, 0, 0, 3, 0, 0);
      assertThat(FrameInput.RGB.apply(frames).toFloatArray()).containsExactly(frames.toFloatArray());
    }
  }

  @Test
  void differenceAloneKeepsOnlyWhatChangesSoAStillFrameGivesZeros() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // Frame t is (t^2, 7, 1): the second and third channels never change.
      NDArray frames = manager.create(new float[] {0, 7, 1, 1, 7, 1, 4, 7, 1}, new Shape(1, 3, 3, 1, 1));

      NDArray input = FrameInput.DIFF.apply(frames);

      assertThat(input.getShape()).isEqualTo(new Shape(1, 3, 3, 1, 1));
      assertThat(input.toFloatArray()).containsExactly(1, 0, 0, 1, 0, 0, 3, 0, 0);
      assertThat(FrameInput.of("diff")).isEqualTo(FrameInput.DIFF);
    }
  }

  @Test
  void anEncoderOnRgbDifferenceTakesRgbSnippetsAndGivesOneFeatureEach() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block encoder = TsmResNet.builder().setDepth(18).optWidthMultiplier(0.125f).optFramesPerSnippet(4)
          .optStemStride(2).optFrameInput(FrameInput.RGB_DIFF).build();
      Shape shape = new Shape(2, 4, 3, 32, 32);
      encoder.initialize(manager, DataType.FLOAT32, shape);

      NDArray features = encoder.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(shape)),
          false).singletonOrThrow();

      assertThat(features.getShape()).isEqualTo(new Shape(2, TsmResNet.featureDim(18, 0.125f)));
      assertThat(encoder.getOutputShapes(new Shape[] {shape})[0]).isEqualTo(features.getShape());
    }
  }
}
