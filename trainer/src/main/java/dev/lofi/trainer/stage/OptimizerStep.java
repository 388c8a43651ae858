package dev.lofi.trainer.stage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The optimizer steps of one stage: each builds its inputs on a sub-manager freed when the step
 * ends (stack.md), back-propagates, clips the gradients to a global L2 norm and updates the
 * parameters, unless the loss or a gradient is not finite. Such a step is skipped, its gradients
 * zeroed, so nothing non-finite ever reaches the parameters; {@link #MAX_SKIPPED_IN_A_ROW} in a
 * row stop the stage ({@link NonFiniteTrainingException}). DJL's {@code optClipGrad} clamps single
 * values only, which bends the gradient's direction and lets a NaN through.
 */
final class OptimizerStep {

  /** Skipped steps in a row that stop a stage: one bad batch is noise, three are a broken run. */
  static final int MAX_SKIPPED_IN_A_ROW = 3;

  /**
   * What a step did.
   *
   * @param loss the step's loss (non-finite if that is why it was skipped)
   * @param gradientNorm the global L2 norm of the gradients before clipping; NaN when not computed
   * @param nonFinite the first non-finite tensor ({@code loss}, or {@code gradient of NAME}); null
   *     when the step was applied
   */
  record Outcome(float loss, double gradientNorm, String nonFinite) {

    /** Whether the parameters were updated. */
    boolean applied() {
      return nonFinite == null;
    }
  }

  private final Trainer trainer;
  private final float maxGradientNorm;
  private int skippedInARow;
  private long skipped;
  private String lastNonFinite;

  /** @param sgd the schedule {@code trainer} was configured from; its norm is what gradients are clipped to */
  OptimizerStep(Trainer trainer, SgdSchedule sgd) {
    this.trainer = trainer;
    this.maxGradientNorm = sgd.maxGradientNorm();
  }

  /**
   * Builds the step's inputs on its sub-manager, runs the trainer's block forward, back-propagates
   * {@code loss} of the outputs and, if everything is finite, updates the parameters.
   */
  Outcome run(Function<NDManager, NDList> inputs, Function<NDList, NDArray> loss) {
    try (NDManager step = trainer.getManager().newSubManager()) {
      NDList in = inputs.apply(step);
      float value;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDArray total = loss.apply(trainer.forward(in));
        value = total.getFloat();
        if (Float.isFinite(value)) {
          gc.backward(total);
        }
      }
      List<Pair<String, NDArray>> gradients = gradients(step);
      if (!Float.isFinite(value)) {
        return skip(gradients, new Outcome(value, Double.NaN, "loss"));
      }
      double norm = globalNorm(gradients, step);
      if (!Double.isFinite(norm)) {
        return skip(gradients, new Outcome(value, norm, "gradient of " + firstNonFinite(gradients)));
      }
      if (norm > maxGradientNorm) {
        float scale = (float) (maxGradientNorm / norm);
        gradients.forEach(g -> g.getValue().muli(scale));
      }
      trainer.step();
      skippedInARow = 0;
      return new Outcome(value, norm, null);
    }
  }

  /** Steps skipped so far. */
  long skipped() {
    return skipped;
  }

  /**
   * Throws if the last {@link #MAX_SKIPPED_IN_A_ROW} steps were all skipped; the context names
   * where, for the message.
   */
  void stopIfStuck(String stage, int epoch, long step, String fidelity, float learningRate) {
    if (skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
      throw new NonFiniteTrainingException(String.format(
          "stage %s stopped: %d steps in a row had a non-finite loss or gradient (epoch %d, step %d, fidelity %s,"
              + " learning rate %s); the first non-finite tensor of the last one: %s. The parameters were not"
              + " updated by those steps, and no checkpoint was published from them.",
          stage, skippedInARow, epoch, step, fidelity == null ? "none (features)" : fidelity, learningRate,
          lastNonFinite));
    }
  }

  private Outcome skip(List<Pair<String, NDArray>> gradients, Outcome outcome) {
    // DJL's update zeroes the gradients; a skipped update must too, or they add into the next step.
    gradients.forEach(g -> g.getValue().set(new NDIndex("..."), 0f));
    skippedInARow++;
    skipped++;
    lastNonFinite = outcome.nonFinite();
    return outcome;
  }

  /** Each trained parameter's gradient, its wrapper owned by the step (each call makes a new one). */
  private List<Pair<String, NDArray>> gradients(NDManager step) {
    List<Pair<String, NDArray>> gradients = new ArrayList<>();
    for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
      NDArray array = p.getValue().getArray();
      if (p.getValue().requiresGradient() && array.hasGradient()) {
        NDArray gradient = array.getGradient();
        gradient.attach(step);
        gradients.add(new Pair<>(p.getKey(), gradient));
      }
    }
    return gradients;
  }

  /** {@code sqrt(sum of squares)} over every gradient, read back once. */
  private static double globalNorm(List<Pair<String, NDArray>> gradients, NDManager step) {
    if (gradients.isEmpty()) {
      return 0;
    }
    NDList squares = new NDList(gradients.size());
    // In float64: a finite float32 gradient of 1e20 squares to infinity in float32.
    gradients.forEach(g -> squares.add(g.getValue().toType(DataType.FLOAT64, false).square().sum()));
    double sum = 0;
    for (double s : NDArrays.stack(squares).toDoubleArray()) {
      sum += s;
    }
    return Math.sqrt(sum);
  }

  private static String firstNonFinite(List<Pair<String, NDArray>> gradients) {
    for (Pair<String, NDArray> g : gradients) {
      if (!Double.isFinite(g.getValue().toType(DataType.FLOAT64, false).square().sum().getDouble())) {
        return g.getKey();
      }
    }
    return "(none found)";
  }
}
