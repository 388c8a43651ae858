package dev.lofi.model.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiouLossTest {

  private static NDManager manager;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  @Test
  void handComputedValues() {
    try (NDManager m = manager.newSubManager()) {
      NDArray predicted = m.create(new float[] {
          1, 1,    // same interval as its target: 0
          1, 1,    // [x-1, x+1] in [x-2, x+2]: IoU 2/4, same centre: 0.5
          0, 2,    // [x, x+2] vs [x-2, x]: IoU 0, centres 2 apart, hull 4: 1 + (2/4)^2 = 1.25
          3, 1},   // [x-3, x+1] vs [x-1, x+1]: IoU 2/4, centres 1 apart, hull 4: 0.5 + 1/16 = 0.5625
          new Shape(4, 2));
      NDArray target = m.create(new float[] {1, 1, 2, 2, 2, 0, 1, 1}, new Shape(4, 2));
      float[] each = DiouLoss.elementwise(predicted, target).toFloatArray();
      assertThat(each).containsExactly(new float[] {0f, 0.5f, 1.25f, 0.5625f}, within(1e-6f));
      assertThat(DiouLoss.sum(predicted, target).getFloat()).isCloseTo(2.3125f, within(1e-6f));
    }
  }

  @Test
  void emptyAndDegenerateInputsAreFinite() {
    try (NDManager m = manager.newSubManager()) {
      NDArray none = m.zeros(new Shape(0, 2));
      assertThat(DiouLoss.sum(none, none).getFloat()).isZero();
      NDArray zero = m.zeros(new Shape(1, 2));
      NDArray one = m.ones(new Shape(1, 2));
      assertThat(DiouLoss.sum(zero, zero).getFloat()).isEqualTo(1f);   // empty intervals: IoU 0
      assertThat(DiouLoss.sum(zero, one).getFloat()).isCloseTo(1f, within(1e-6f));
    }
  }

  @Test
  void rejectsMismatchedShapes() {
    try (NDManager m = manager.newSubManager()) {
      assertThatThrownBy(() -> DiouLoss.sum(m.ones(new Shape(2, 2)), m.ones(new Shape(3, 2))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void gradientsFlowToThePredictedOffsets() {
    try (NDManager m = manager.newSubManager()) {
      NDArray predicted = m.create(new float[] {1, 1, 0.5f, 3}, new Shape(2, 2));
      predicted.setRequiresGradient(true);
      NDArray target = m.create(new float[] {2, 2, 1, 1}, new Shape(2, 2));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(DiouLoss.sum(predicted, target));
      }
      float[] grad = predicted.getGradient().toFloatArray();
      assertThat(grad[0]).isNegative();  // too short: growing lowers the loss
      assertThat(grad[1]).isNegative();
      assertThat(grad[3]).isPositive();  // end too far: shrinking lowers the loss
      for (float g : grad) {
        assertThat(g).isFinite();
      }
    }
  }
}
