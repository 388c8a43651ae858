package dev.lofi.trainer.stage;

/**
 * How the {@code head} stage trains a fresh head on full-fidelity features.
 *
 * @param source the checkpoint stream whose latest checkpoint gives the encoder and the head's
 *     structure, and whose features (from the {@code extract} stage) are trained on
 * @param model the checkpoint stream the whole network (source encoder, new head) goes to; the
 *     source's own name replaces the LoFi checkpoint for the localizer
 * @param epochs passes over the training videos
 * @param batchSize videos per mini-batch
 * @param learningRate SGD's initial rate, halved every {@link SgdSchedule#HALVING_STEPS} steps
 * @param seed fixes the head's initial parameters and the order of every epoch
 * @param maxSteps stop after this many steps (0: no limit); keeps tests short
 * @param checkpointEvery publish a checkpoint after every this many epochs, and after the last
 */
public record HeadTrainingSettings(String source, String model, int epochs, int batchSize, float learningRate,
    long seed, long maxSteps, int checkpointEvery) {

  /**
   * Enough steps to fit a small set (SynthTAL's 30 training videos: 800 steps in batches of 4;
   * 10 epochs left its heads underfitted), and cheap on stored features. A set of thousands of
   * videos reaches that many steps in a few epochs: give it fewer.
   */
  public static final int DEFAULT_EPOCHS = 100;

  /**
   * A checkpoint is the whole network (3 MB at the cpu preset, 45 MB at the paper's); publishing one
   * every epoch would cost more than the epoch's training.
   */
  public static final int DEFAULT_CHECKPOINT_EVERY = 10;

  public HeadTrainingSettings {
    if (source == null || source.isBlank() || model == null || model.isBlank()) {
      throw new IllegalArgumentException("source and model names are required, got " + source + ", " + model);
    }
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("epochs and batch size must be positive, got " + epochs + ", " + batchSize);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpointEvery must be positive, got " + checkpointEvery);
    }
    if (maxSteps < 0) {
      throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
    }
  }
}
