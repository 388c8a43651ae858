package dev.lofi.trainer.stage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.trainer.memory.PeakMemory;
import dev.lofi.trainer.metrics.MetricsPublisher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The epochs of a training stage, in the manner of DJL's {@code EasyTrain.fit}: the loop owns the
 * rate schedule, the step count and {@code maxSteps}, each step's timing, peak memory and metrics,
 * the non-finite policy ({@link OptimizerStep}), the epochs' mean losses, and the epoch the stage
 * ends on ({@link BestEpoch}); a {@link Stage} supplies its batches, its inputs and loss, and its
 * end-of-epoch work (validation, checkpoint, epoch metrics).
 */
final class StageLoop {

  /**
   * What a stage brings to the loop.
   *
   * @param <B> one step's batch, loaded before the step is timed
   */
  interface Stage<B> {

    /** The batches of {@code epoch} in training order, each loaded when the loop reaches it. */
    Iterator<B> batches(int epoch);

    /** The fidelity {@code batch} is at, as metrics name it; null for features. */
    String fidelity(B batch);

    /** The network's inputs for {@code batch}, on the step's manager. */
    NDList inputs(NDManager step, B batch, int epoch);

    /** The loss of the network's outputs for {@code batch}. */
    NDArray loss(NDList outputs, B batch);

    /**
     * After {@code batch}'s step: whether its update was applied. A skipped step's outputs were
     * not finite, so whatever {@link #loss} read from them must not count.
     */
    default void stepFinished(B batch, boolean applied) {}

    /**
     * After an epoch: validates, publishes the epoch's checkpoint where it is due, and sends the
     * epoch's metrics.
     */
    EpochEnd finishEpoch(Epoch epoch);

    /** Publishes the best epoch's checkpoint again, as the model's latest. */
    CheckpointManifest republish(BestEpoch.Candidate kept);
  }

  /**
   * An epoch just trained.
   *
   * @param index the epoch, from 0
   * @param step steps done, this epoch's included
   * @param meanLoss the mean loss of its applied steps
   * @param rate the learning rate at its end
   * @param last whether the stage ends after it (its last epoch, or {@code maxSteps} reached)
   */
  record Epoch(int index, long step, double meanLoss, float rate, boolean last) {}

  /**
   * What an epoch ended with.
   *
   * @param checkpoint the checkpoint it published; null where none was due
   * @param score its validation score, higher is better; null without validation
   * @param checkpointMetrics the metrics its checkpoint carries (or would)
   * @param parameters the network's parameters as its checkpoint holds them, asked for only when
   *     the epoch is the best so far
   */
  record EpochEnd(CheckpointManifest checkpoint, Double score, Map<String, Double> checkpointMetrics,
      Supplier<byte[]> parameters) {}

  /**
   * What the loop did.
   *
   * @param steps steps done, those before a resumed run's first epoch included
   * @param epochLosses each trained epoch's mean loss over its applied steps
   * @param checkpoint the checkpoint the stage ends on; null when no epoch was trained or none published
   * @param kept which epoch was kept and why, in words ({@link BestEpoch#describe()})
   */
  record Run(long steps, List<Double> epochLosses, CheckpointManifest checkpoint, String kept) {}

  private final String stage;
  private final int epochs;
  private final long maxSteps;
  private final MetricsPublisher metrics;

  /**
   * @param stage the stage's name in metrics and messages
   * @param maxSteps stop after this many steps in all (0: no limit)
   */
  StageLoop(String stage, int epochs, long maxSteps, MetricsPublisher metrics) {
    this.stage = stage;
    this.epochs = epochs;
    this.maxSteps = maxSteps;
    this.metrics = metrics;
  }

  /**
   * Trains epochs {@code firstEpoch} to the last, or until {@code maxSteps}.
   *
   * @param scoreName what the validation score is, for the summary
   * @param stepsBefore steps a resumed run had done before {@code firstEpoch}
   */
  <B> Run run(Trainer trainer, SgdSchedule sgd, Stage<B> work, String scoreName, int firstEpoch, long stepsBefore) {
    OptimizerStep optimizer = new OptimizerStep(trainer, sgd);
    BestEpoch best = new BestEpoch(scoreName);
    List<Double> epochLosses = new ArrayList<>();
    CheckpointManifest checkpoint = null;
    long step = stepsBefore;
    for (int epoch = firstEpoch; epoch < epochs && !done(step); epoch++) {
      double lossSum = 0;
      int applied = 0;
      for (Iterator<B> batches = work.batches(epoch); batches.hasNext() && !done(step); ) {
        B batch = batches.next();
        String fidelity = work.fidelity(batch);
        float rate = sgd.startStep(step);
        PeakMemory.Window memory = PeakMemory.window();
        long start = System.nanoTime();
        int thisEpoch = epoch;
        OptimizerStep.Outcome outcome = optimizer.run(m -> work.inputs(m, batch, thisEpoch),
            out -> work.loss(out, batch));
        double seconds = (System.nanoTime() - start) / 1e9;
        Long peak = memory.peak().isPresent() ? memory.peak().getAsLong() : null;
        step++;
        work.stepFinished(batch, outcome.applied());
        if (outcome.applied()) {
          lossSum += outcome.loss();
          applied++;
        }
        metrics.step(stage, epoch, step, fidelity, outcome.loss(), rate, seconds, peak, outcome.gradientNorm(),
            optimizer.skipped());
        optimizer.stopIfStuck(stage, epoch, step, fidelity, rate);
      }
      double epochLoss = lossSum / Math.max(1, applied);
      epochLosses.add(epochLoss);
      EpochEnd end = work.finishEpoch(new Epoch(epoch, step, epochLoss, sgd.rate(), epoch == epochs - 1 || done(step)));
      if (end.checkpoint() != null) {
        checkpoint = end.checkpoint();
      }
      best.offer(epoch, step, end.score(), end.checkpointMetrics(), end.parameters());
    }
    if (checkpoint != null) {
      checkpoint = best.finish(checkpoint, work::republish);
    }
    return new Run(step, epochLosses, checkpoint, best.describe());
  }

  private boolean done(long step) {
    return maxSteps > 0 && step >= maxSteps;
  }
}
