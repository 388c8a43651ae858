package dev.lofi.trainer.stage;

import dev.lofi.trainer.TrainingDefaults;

/**
 * How the {@code head} stage trains a fresh head on full-fidelity features, built in DJL's manner:
 * {@code HeadTrainingSettings.builder("lofi-cpu", "lofi-cpu").optEpochs(100).build()}; what is not
 * set is {@code lofi train}'s default, and {@link Builder#build()} checks everything once.
 */
public final class HeadTrainingSettings {

  /**
   * Enough steps to fit a small set (SynthTAL's 30 training videos: 800 steps in batches of 4;
   * 10 epochs left its heads underfitted), and cheap on stored features. A set of thousands of
   * videos reaches that many steps in a few epochs: give it fewer.
   */
  public static final int DEFAULT_EPOCHS = 100;

  /** The lofi stage's rate: the head learns from features as it does in joint training. */
  public static final float DEFAULT_LEARNING_RATE = 0.01f;

  /**
   * A checkpoint is the whole network (3 MB at the cpu preset, 45 MB at the paper's); publishing one
   * every epoch would cost more than the epoch's training.
   */
  public static final int DEFAULT_CHECKPOINT_EVERY = 10;

  private final String source;
  private final String model;
  private final int epochs;
  private final int batchSize;
  private final float learningRate;
  private final long seed;
  private final long maxSteps;
  private final int checkpointEvery;

  private HeadTrainingSettings(Builder builder) {
    this.source = builder.source;
    this.model = builder.model;
    this.epochs = builder.epochs;
    this.batchSize = builder.batchSize;
    this.learningRate = builder.learningRate;
    this.seed = builder.seed;
    this.maxSteps = builder.maxSteps;
    this.checkpointEvery = builder.checkpointEvery;
  }

  /**
   * Settings for a head on the features of {@code source}'s latest checkpoint, published as
   * {@code model}, every other one at its default.
   *
   * @param source the checkpoint stream whose latest checkpoint gives the encoder and the head's
   *     structure, and whose features (from the {@code extract} stage) are trained on
   * @param model the checkpoint stream the whole network (source encoder, new head) goes to; the
   *     source's own name replaces the LoFi checkpoint for the localizer
   */
  public static Builder builder(String source, String model) {
    return new Builder(source, model);
  }

  /** The checkpoint stream whose encoder extracted the features. */
  public String source() {
    return source;
  }

  /** The checkpoint stream the whole network goes to. */
  public String model() {
    return model;
  }

  /** Passes over the training videos. */
  public int epochs() {
    return epochs;
  }

  /** Videos per mini-batch. */
  public int batchSize() {
    return batchSize;
  }

  /** SGD's initial rate, halved every {@link SgdSchedule#HALVING_STEPS} steps. */
  public float learningRate() {
    return learningRate;
  }

  /** Fixes the head's initial parameters and the order of every epoch. */
  public long seed() {
    return seed;
  }

  /** Stop after this many steps (0: no limit); keeps tests short. */
  public long maxSteps() {
    return maxSteps;
  }

  /** Publish a checkpoint after every this many epochs, and after the last. */
  public int checkpointEvery() {
    return checkpointEvery;
  }

  /** Sets the stage's options; {@link #build()} validates them. */
  public static final class Builder {
    private final String source;
    private final String model;
    private int epochs = DEFAULT_EPOCHS;
    private int batchSize = TrainingDefaults.BATCH;
    private float learningRate = DEFAULT_LEARNING_RATE;
    private long seed = 1;
    private long maxSteps;
    private int checkpointEvery = DEFAULT_CHECKPOINT_EVERY;

    private Builder(String source, String model) {
      this.source = source;
      this.model = model;
    }

    /** Passes over the training videos (default {@value #DEFAULT_EPOCHS}). */
    public Builder optEpochs(int count) {
      this.epochs = count;
      return this;
    }

    /** Videos per mini-batch (default {@value TrainingDefaults#BATCH}). */
    public Builder optBatchSize(int videos) {
      this.batchSize = videos;
      return this;
    }

    /** SGD's initial rate (default {@value #DEFAULT_LEARNING_RATE}). */
    public Builder optLearningRate(float rate) {
      this.learningRate = rate;
      return this;
    }

    /** The seed of the head's initial parameters and the epochs' orders (default 1). */
    public Builder optSeed(long value) {
      this.seed = value;
      return this;
    }

    /** Stop after this many steps (default 0: no limit). */
    public Builder optMaxSteps(long steps) {
      this.maxSteps = steps;
      return this;
    }

    /** Publish a checkpoint after every this many epochs, and after the last (default {@value #DEFAULT_CHECKPOINT_EVERY}). */
    public Builder optCheckpointEvery(int epochsBetween) {
      this.checkpointEvery = epochsBetween;
      return this;
    }

    /** The settings, once checked. */
    public HeadTrainingSettings build() {
      if (source == null || source.isBlank() || model == null || model.isBlank()) {
        throw new IllegalArgumentException("source and model names are required, got " + source + ", " + model);
      }
      if (epochs < 1 || batchSize < 1) {
        throw new IllegalArgumentException("epochs and batch size must be positive, got " + epochs + ", "
            + batchSize);
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
      return new HeadTrainingSettings(this);
    }
  }
}
