package dev.lofi.model.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigmoidFocalLossTest {

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
      // alpha_t * (1 - p_t)^2 * -log(p_t), p = sigmoid(x):
      // x=0,t=1: 0.25 * 0.25 * ln 2 = 0.0433217   x=0,t=0: 0.75 * 0.25 * ln 2 = 0.1299651
      // x=2,t=1: 0.25 * (1 - 0.8807971)^2 * 0.1269280 = 0.0004509   x=-1,t=0: 0.0169935
      NDArray logits = m.create(new float[] {0, 0, 2, -1}, new Shape(2, 2));
      NDArray targets = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2));
      float[] each = SigmoidFocalLoss.elementwise(logits, targets, 0.25f, 2f).toFloatArray();
      assertThat(each[0]).isCloseTo(0.0433217f, within(1e-6f));
      assertThat(each[1]).isCloseTo(0.1299651f, within(1e-6f));
      assertThat(each[2]).isCloseTo(0.0004509f, within(1e-6f));
      assertThat(each[3]).isCloseTo(0.0169935f, within(1e-6f));
      assertThat(SigmoidFocalLoss.sum(logits, targets).getFloat()).isCloseTo(0.1907312f, within(1e-6f));
    }
  }

  @Test
  void gammaZeroAndNoAlphaIsBinaryCrossEntropy() {
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = m.create(new float[] {0.5f}, new Shape(1, 1));
      NDArray targets = m.create(new float[] {1}, new Shape(1, 1));
      double bce = Math.log(1 + Math.exp(-0.5));
      assertThat(SigmoidFocalLoss.sum(logits, targets, -1, 0).getFloat()).isCloseTo((float) bce, within(1e-6f));
    }
  }

  @Test
  void extremeLogitsStayFinite() {
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = m.create(new float[] {100, -100, 100, -100}, new Shape(2, 2));
      NDArray targets = m.create(new float[] {0, 1, 1, 0}, new Shape(2, 2));
      float[] each = SigmoidFocalLoss.elementwise(logits, targets, 0.25f, 2f).toFloatArray();
      assertThat(each[0]).isCloseTo(75f, within(1e-3f));   // 0.75 * 1 * 100
      assertThat(each[1]).isCloseTo(25f, within(1e-3f));   // 0.25 * 1 * 100
      assertThat(each[2]).isZero();
      assertThat(each[3]).isZero();
    }
  }

  @Test
  void gradientsFlowToTheLogits() {
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = m.create(new float[] {0, 0, 2, -1}, new Shape(2, 2));
      logits.setRequiresGradient(true);
      NDArray targets = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(SigmoidFocalLoss.sum(logits, targets));
      }
      float[] grad = logits.getGradient().toFloatArray();
      assertThat(grad[0]).isNegative();  // a positive pushes its logit up
      assertThat(grad[1]).isPositive();  // a negative pushes its logit down
      assertThat(grad[3]).isPositive();
      for (float g : grad) {
        assertThat(g).isFinite();
      }
    }
  }
}
