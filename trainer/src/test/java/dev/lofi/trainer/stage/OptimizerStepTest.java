package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.Trainer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The optimizer step every stage takes, on a linear layer whose gradients the test controls. */
class OptimizerStepTest {

  private static final float RATE = 0.1f;

  @Test
  void aNonFiniteLossIsSkippedLeavingTheParametersAndTheNextStepsGradientUntouched() {
    SgdSchedule sgd = new SgdSchedule(RATE, 1e6f);
    try (Model model = model(); Trainer trainer = trainer(model, sgd)) {
      OptimizerStep optimizer = new OptimizerStep(trainer, sgd);
      float[] before = weights(model);

      OptimizerStep.Outcome skipped = optimizer.run(OptimizerStepTest::input, out -> out.head().sqrt().sum().neg()
          .add(out.head().getManager().create(Float.NaN)));

      assertThat(skipped.applied()).isFalse();
      assertThat(skipped.nonFinite()).isEqualTo("loss");
      assertThat(weights(model)).containsExactly(before);

      OptimizerStep.Outcome applied = optimizer.run(OptimizerStepTest::input, OptimizerStepTest::sum);
      assertThat(applied.applied()).isTrue();
      assertThat(optimizer.skipped()).isEqualTo(1);
      // d(sum of w . x)/dw = x = 1 for every weight: the step moved each by the rate (plus weight decay).
      float[] after = weights(model);
      for (int i = 0; i < before.length; i++) {
        assertThat(before[i] - after[i]).isCloseTo(RATE * (1 + SgdSchedule.WEIGHT_DECAY * before[i]),
            offset(1e-5f));
      }
    }
  }

  @Test
  void aNonFiniteGradientUnderAFiniteLossIsSkippedAndNamed() {
    SgdSchedule sgd = new SgdSchedule(RATE, 1e6f);
    try (Model model = model(); Trainer trainer = trainer(model, sgd)) {
      OptimizerStep optimizer = new OptimizerStep(trainer, sgd);
      float[] before = weights(model);

      // sqrt(0 * y) is 0, and its gradient inf * 0 is NaN.
      OptimizerStep.Outcome outcome = optimizer.run(OptimizerStepTest::input,
          out -> out.head().mul(out.head().zerosLike()).sqrt().sum());

      assertThat(outcome.loss()).isZero();
      assertThat(outcome.nonFinite()).startsWith("gradient of ").contains("weight");
      assertThat(weights(model)).containsExactly(before);
    }
  }

  @Test
  void gradientsAreScaledDownToTheGlobalNorm() {
    SgdSchedule sgd = new SgdSchedule(RATE, 0.5f);
    try (Model model = model(); Trainer trainer = trainer(model, sgd)) {
      OptimizerStep optimizer = new OptimizerStep(trainer, sgd);
      float[] before = weights(model);

      OptimizerStep.Outcome outcome = optimizer.run(OptimizerStepTest::input, OptimizerStepTest::sum);

      // 3 weights and 1 bias, each of gradient 1: norm 2, scaled to 0.5.
      assertThat(outcome.gradientNorm()).isCloseTo(2.0, offset(1e-6));
      float[] after = weights(model);
      double moved = 0;
      for (int i = 0; i < before.length; i++) {
        moved += Math.pow(before[i] - after[i], 2);
      }
      assertThat(Math.sqrt(moved)).isCloseTo(RATE * 0.5 * Math.sqrt(3) / 2, offset(1e-4));
    }
  }

  @Test
  void threeSkippedStepsInARowStopTheStageNamingWhereItStood() {
    SgdSchedule sgd = new SgdSchedule(RATE, 1e6f);
    try (Model model = model(); Trainer trainer = trainer(model, sgd)) {
      OptimizerStep optimizer = new OptimizerStep(trainer, sgd);
      Function<NDList, NDArray> nan = out -> out.head().sum().mul(out.head().getManager().create(Float.NaN));
      for (int i = 0; i < OptimizerStep.MAX_SKIPPED_IN_A_ROW - 1; i++) {
        optimizer.run(OptimizerStepTest::input, nan);
        optimizer.stopIfStuck("head", 4, i + 1, null, RATE);
      }
      optimizer.run(OptimizerStepTest::input, OptimizerStepTest::sum);
      optimizer.stopIfStuck("head", 4, 3, null, RATE);
      for (int i = 0; i < OptimizerStep.MAX_SKIPPED_IN_A_ROW - 1; i++) {
        optimizer.run(OptimizerStepTest::input, nan);
      }

      optimizer.run(OptimizerStepTest::input, nan);

      assertThatThrownBy(() -> optimizer.stopIfStuck("lofi", 2, 17, "st", RATE))
          .isInstanceOf(NonFiniteTrainingException.class)
          .hasMessageContaining("stage lofi stopped: 3 steps in a row")
          .hasMessageContaining("epoch 2, step 17, fidelity st, learning rate 0.1")
          .hasMessageContaining("the first non-finite tensor of the last one: loss");
      assertThat(optimizer.skipped()).isEqualTo(5);
    }
  }

  private static Model model() {
    Model model = Model.newInstance("optimizer-step");
    model.setBlock(Linear.builder().setUnits(1).build());
    return model;
  }

  private static Trainer trainer(Model model, SgdSchedule sgd) {
    Trainer trainer = model.newTrainer(sgd.trainingConfig());
    trainer.initialize(new Shape(1, 3));
    return trainer;
  }

  private static NDList input(NDManager manager) {
    return new NDList(manager.ones(new Shape(1, 3)));
  }

  private static NDArray sum(NDList out) {
    return out.head().sum();
  }

  private static float[] weights(Model model) {
    return model.getBlock().getParameters().get("weight").getArray().toFloatArray();
  }
}
