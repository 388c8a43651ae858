package dev.lofi.trainer.stage;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * The optimizer every lofi stage trains with: SGD with momentum 0.9 and weight decay 1e-4, the
 * rate halved every {@link #HALVING_STEPS} steps (the paper's schedule, counted in steps). Set
 * the step with {@link #startStep} and the trainer built from {@link #trainingConfig()} follows it.
 *
 * <p>The paper halves the rate every 5 epochs of ActivityNet-1.3: 10,024 training videos in
 * batches of 16, 627 steps an epoch, so every 3,135 steps. Counting epochs instead would halve the
 * rate of a small data set after a few dozen steps: the demo's heads, 3 steps an epoch, stopped
 * learning at a loss of 0.77 on their own training videos (top detection of the right class in
 * 3-5 of 12), where a steady rate fits them (12 of 12 after 100 epochs).
 */
public final class SgdSchedule {

  /** Five epochs of the paper's data set and batch: 5 x ceil(10,024 / 16) steps. */
  public static final int HALVING_STEPS = 5 * 627;
  public static final float MOMENTUM = 0.9f;
  public static final float WEIGHT_DECAY = 1e-4f;
  /**
   * The global L2 norm gradients are scaled down to: above what healthy steps reach (the trainer's
   * tests: median 5.7, 90th percentile 12.6, largest 19.5 over 50 steps of every stage), so it
   * bounds the rare batch that would throw the parameters far and leaves ordinary learning alone.
   */
  public static final float MAX_GRADIENT_NORM = 20f;

  private final float initialRate;
  private final float maxGradientNorm;
  private float rate;

  /** @param initialRate the rate of the first epochs, positive; gradients clipped to {@link #MAX_GRADIENT_NORM} */
  public SgdSchedule(float initialRate) {
    this(initialRate, MAX_GRADIENT_NORM);
  }

  /**
   * @param initialRate the rate of the first epochs, positive
   * @param maxGradientNorm the global L2 norm gradients are clipped to, positive; infinity for none
   */
  public SgdSchedule(float initialRate, float maxGradientNorm) {
    if (!(initialRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + initialRate);
    }
    if (!(maxGradientNorm > 0)) {
      throw new IllegalArgumentException("the maximum gradient norm must be positive, got " + maxGradientNorm);
    }
    this.initialRate = initialRate;
    this.maxGradientNorm = maxGradientNorm;
    this.rate = initialRate;
  }

  /** The global L2 norm a step's gradients are clipped to. */
  public float maxGradientNorm() {
    return maxGradientNorm;
  }

  /** The rate of step {@code step} (from 0) when the first steps train at {@code initialRate}. */
  public static float rate(float initialRate, long step) {
    return (float) (initialRate * Math.pow(0.5, step / HALVING_STEPS));
  }

  /** Moves to step {@code step}, counted from 0 over the whole stage; returns its rate. */
  public float startStep(long step) {
    rate = rate(initialRate, step);
    return rate;
  }

  /** The current rate. */
  public float rate() {
    return rate;
  }

  /** A training config whose SGD reads the current rate at every update; the heads compute their own loss. */
  public DefaultTrainingConfig trainingConfig() {
    return trainingConfig(Loss.l2Loss()); // unused: the head's loss is back-propagated directly
  }

  /** The same, for a stage whose loss is the trainer's own (pre-training's classification). */
  public DefaultTrainingConfig trainingConfig(Loss loss) {
    return new DefaultTrainingConfig(loss)
        .optOptimizer(Optimizer.sgd().setLearningRateTracker((Tracker) update -> rate).optMomentum(MOMENTUM)
            .optWeightDecays(WEIGHT_DECAY).build());
  }
}
