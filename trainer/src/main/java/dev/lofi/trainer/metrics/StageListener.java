package dev.lofi.trainer.metrics;

import dev.lofi.topics.record.TrainerMetric;

/**
 * What a training stage tells the world as it goes: the console's progress bar, tests, and
 * {@link MetricsPublisher}, which sends the metrics to {@code lofi.trainer.metrics} and passes every
 * call on to the listener it wraps. Every method does nothing by default; a listener is called from
 * the training thread, between steps, and should return quickly.
 */
public interface StageListener {

  /** A listener that ignores everything. */
  StageListener NONE = new StageListener() {};

  /**
   * A stage begins.
   *
   * @param stage e.g. {@code pretrain}, {@code lofi}, {@code extract}, {@code head}
   * @param epochs epochs it will run
   * @param stepsPerEpoch optimizer steps per epoch (batches), or 0 when not known in advance
   */
  default void stageStarted(String stage, int epochs, int stepsPerEpoch) {}

  /** An optimizer step finished: loss, learning rate, fidelity, step time and peak memory. */
  default void stepFinished(TrainerMetric metric) {}

  /**
   * Work of a stage without optimizer steps moved on (feature extraction's videos).
   *
   * @param done units finished so far, of {@code total}
   * @param unit what is counted, plural, e.g. {@code videos}
   */
  default void stageProgress(String stage, long done, long total, String unit) {}

  /** An epoch finished: its mean loss, and the validation mAP when a validation subset exists. */
  default void epochFinished(TrainerMetric metric) {}

  /**
   * A stage ended.
   *
   * @param summary one line for people, e.g. the final loss and mAP and where the checkpoint went
   */
  default void stageFinished(String stage, String summary) {}

  /** Tells each of {@code listeners}, in order, everything. */
  static StageListener all(StageListener... listeners) {
    return new StageListener() {
      @Override
      public void stageStarted(String stage, int epochs, int stepsPerEpoch) {
        for (StageListener listener : listeners) {
          listener.stageStarted(stage, epochs, stepsPerEpoch);
        }
      }

      @Override
      public void stepFinished(TrainerMetric metric) {
        for (StageListener listener : listeners) {
          listener.stepFinished(metric);
        }
      }

      @Override
      public void stageProgress(String stage, long done, long total, String unit) {
        for (StageListener listener : listeners) {
          listener.stageProgress(stage, done, total, unit);
        }
      }

      @Override
      public void epochFinished(TrainerMetric metric) {
        for (StageListener listener : listeners) {
          listener.epochFinished(metric);
        }
      }

      @Override
      public void stageFinished(String stage, String summary) {
        for (StageListener listener : listeners) {
          listener.stageFinished(stage, summary);
        }
      }
    };
  }
}
