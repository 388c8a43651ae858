package dev.lofi.trainer.stage;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * The optimizer every lofi stage trains with: SGD with momentum 0.9 and weight decay 1e-4, the
 * rate halved every {@link #HALVING_EPOCHS} epochs (the paper's schedule). Set the epoch with
 * {@link #startEpoch} and the trainer built from {@link #trainingConfig()} follows it.
 */
public final class SgdSchedule {

  /** The paper halves the learning rate every five epochs. */
  public static final int HALVING_EPOCHS = 5;
  public static final float MOMENTUM = 0.9f;
  public static final float WEIGHT_DECAY = 1e-4f;

  private final float initialRate;
  private float rate;

  /** @param initialRate the rate of the first epochs, positive */
  public SgdSchedule(float initialRate) {
    if (!(initialRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + initialRate);
    }
    this.initialRate = initialRate;
    this.rate = initialRate;
  }

  /** The rate of epoch {@code epoch} (from 0) when the first epochs train at {@code initialRate}. */
  public static float rate(float initialRate, int epoch) {
    return (float) (initialRate * Math.pow(0.5, epoch / HALVING_EPOCHS));
  }

  /** Moves to epoch {@code epoch}; returns its rate. */
  public float startEpoch(int epoch) {
    rate = rate(initialRate, epoch);
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
