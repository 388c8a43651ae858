package dev.lofi.trainer.stage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.function.Function;

/** One optimizer step of a stage, every array of it on a sub-manager freed when the step ends (stack.md). */
final class OptimizerStep {

  private OptimizerStep() {}

  /**
   * Builds the step's inputs on its sub-manager, runs the trainer's block forward, back-propagates
   * {@code loss} of the outputs and updates the parameters.
   *
   * @return the step's loss
   */
  static float run(Trainer trainer, Function<NDManager, NDList> inputs, Function<NDList, NDArray> loss) {
    try (NDManager stepManager = trainer.getManager().newSubManager()) {
      NDList in = inputs.apply(stepManager);
      float value;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDArray total = loss.apply(trainer.forward(in));
        value = total.getFloat();
        gc.backward(total);
      }
      trainer.step();
      return value;
    }
  }
}
