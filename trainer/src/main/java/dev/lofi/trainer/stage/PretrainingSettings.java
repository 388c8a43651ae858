package dev.lofi.trainer.stage;

import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.trainer.TrainingDefaults;
import dev.lofi.trainer.data.SnippetAugmentation;
import dev.lofi.trainer.data.SparseSnippets;
import java.util.Objects;

/**
 * How the {@code pretrain} stage trains the encoder to classify trimmed clips, built in DJL's
 * manner: {@code PretrainingSettings.builder("lofi-cpu").optEpochs(30).build()}; what is not set is
 * {@code lofi train}'s default, and {@link Builder#build()} checks everything once.
 */
public final class PretrainingSettings {

  /**
   * Full: the densest snippets (cpu preset: 32 a video, one about every second of a 30 s video),
   * so that a segment of a few seconds has several to draw from; {@code t}'s 8 would leave it one
   * or none. A step costs the snippets drawn, not those of the video.
   */
  public static final String DEFAULT_SEGMENT_FIDELITY = FidelityPreset.FULL;

  /**
   * From scratch, on a few dozen videos, the encoder needs several hundred steps: with two snippets
   * a clip, 30 epochs of motion-only SynthTAL's 84 segment clips are 630 steps of batch 4. With the
   * frame differences and augmentation (the defaults) validation accuracy rose above chance from
   * the first epoch and ended at 0.32 (chance 1/8), where the former 9 epochs at 0.003 on RGB frames
   * ended at 0.03 and 0.09 over two seeds (docs/learning.md).
   */
  public static final int DEFAULT_EPOCHS = 30;

  /**
   * The rate of joint training. Without augmentation, on RGB frames of legible SynthTAL's trimmed
   * clips, 0.01 once drove the training loss up past chance where 0.003 brought it down; with the
   * frame differences and augmentation it trains (training accuracy 0.15 to 0.58 over 30 epochs)
   * and 0.003 for 9 epochs learnt nothing that carried to new videos.
   */
  public static final float DEFAULT_LEARNING_RATE = 0.01f;

  /**
   * {@code t}: frames of the size inference sees, but fewer snippets per clip, as TSM pre-trains
   * on 8 segments of a clip. A trimmed clip is a few seconds of one action: its 8 snippets (cpu
   * preset) show the motion, and its 32 full-fidelity ones would cost four times as much to say
   * the same.
   */
  public static final String DEFAULT_FIDELITY = "t";

  /**
   * TSN's augmentations at the scale of small frames: a mirror half the time, a shift of up to an
   * eighth of the side, brightness and contrast within 20 %.
   */
  public static final SnippetAugmentation AUGMENTATION = new SnippetAugmentation(true, 0.125, 0.2);

  /** TSN's choice for a clip: a few sparse snippets show its class as well as all of them. */
  public static final SparseSnippets DEFAULT_SAMPLING = new SparseSnippets(2);

  private final String model;
  private final String fidelity;
  private final int epochs;
  private final int batchSize;
  private final SparseSnippets sampling;
  private final float learningRate;
  private final long seed;
  private final long maxSteps;
  private final String segmentFidelity;
  private final SnippetAugmentation augmentation;

  private PretrainingSettings(Builder builder) {
    this.model = builder.model;
    this.fidelity = builder.fidelity;
    this.epochs = builder.epochs;
    this.batchSize = builder.batchSize;
    this.sampling = builder.sampling;
    this.learningRate = builder.learningRate;
    this.seed = builder.seed;
    this.maxSteps = builder.maxSteps;
    this.segmentFidelity = builder.segmentFidelity;
    this.augmentation = builder.augmentation;
  }

  /** Settings for the checkpoints of {@code model}, every other one at its default. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** The checkpoint stream's model name. */
  public String model() {
    return model;
  }

  /** The clip topic trimmed clips are read from, by fidelity name. */
  public String fidelity() {
    return fidelity;
  }

  /** Passes over the clips. */
  public int epochs() {
    return epochs;
  }

  /** Clips per mini-batch (the last of an epoch may hold fewer). */
  public int batchSize() {
    return batchSize;
  }

  /** The snippets a clip gives each step, drawn sparsely over its length. */
  public SparseSnippets sampling() {
    return sampling;
  }

  /** SGD's initial rate, halved every {@link SgdSchedule#HALVING_STEPS} steps. */
  public float learningRate() {
    return learningRate;
  }

  /** Fixes the initial parameters and the order of every epoch. */
  public long seed() {
    return seed;
  }

  /** Stop after this many steps (0: no limit); keeps tests short. */
  public long maxSteps() {
    return maxSteps;
  }

  /** The clip topic segments are cut from where there are no trimmed clips. */
  public String segmentFidelity() {
    return segmentFidelity;
  }

  /** How each training clip is changed each epoch. */
  public SnippetAugmentation augmentation() {
    return augmentation;
  }

  /** Sets the stage's options; {@link #build()} validates them. */
  public static final class Builder {
    private final String model;
    private String fidelity = DEFAULT_FIDELITY;
    private int epochs = DEFAULT_EPOCHS;
    private int batchSize = TrainingDefaults.BATCH;
    private SparseSnippets sampling = DEFAULT_SAMPLING;
    private float learningRate = DEFAULT_LEARNING_RATE;
    private long seed = 1;
    private long maxSteps;
    private String segmentFidelity = DEFAULT_SEGMENT_FIDELITY;
    private SnippetAugmentation augmentation = TrainingDefaults.AUGMENT ? AUGMENTATION : SnippetAugmentation.NONE;

    private Builder(String model) {
      this.model = model;
    }

    /** The clip topic of the trimmed clips (default {@value #DEFAULT_FIDELITY}). */
    public Builder optFidelity(String name) {
      this.fidelity = name;
      return this;
    }

    /** Passes over the clips (default {@value #DEFAULT_EPOCHS}). */
    public Builder optEpochs(int count) {
      this.epochs = count;
      return this;
    }

    /** Clips per mini-batch (default {@value TrainingDefaults#BATCH}). */
    public Builder optBatchSize(int clips) {
      this.batchSize = clips;
      return this;
    }

    /** The snippets a clip gives each step (default {@link #DEFAULT_SAMPLING}). */
    public Builder optSampling(SparseSnippets draw) {
      this.sampling = draw;
      return this;
    }

    /** SGD's initial rate (default {@value #DEFAULT_LEARNING_RATE}). */
    public Builder optLearningRate(float rate) {
      this.learningRate = rate;
      return this;
    }

    /** The seed of the initial parameters and the epochs' orders (default 1). */
    public Builder optSeed(long value) {
      this.seed = value;
      return this;
    }

    /** Stop after this many steps (default 0: no limit). */
    public Builder optMaxSteps(long steps) {
      this.maxSteps = steps;
      return this;
    }

    /** The clip topic segments are cut from (default {@link #DEFAULT_SEGMENT_FIDELITY}). */
    public Builder optSegmentFidelity(String name) {
      this.segmentFidelity = name;
      return this;
    }

    /** How each clip is changed each epoch (default {@link #AUGMENTATION}, as {@code lofi train} augments). */
    public Builder optAugmentation(SnippetAugmentation change) {
      this.augmentation = change;
      return this;
    }

    /** The settings, once checked. */
    public PretrainingSettings build() {
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("a model name is required");
      }
      if (fidelity == null || fidelity.isBlank() || segmentFidelity == null || segmentFidelity.isBlank()) {
        throw new IllegalArgumentException("fidelities are required, e.g. '" + DEFAULT_FIDELITY + "' and '"
            + DEFAULT_SEGMENT_FIDELITY + "'");
      }
      if (epochs < 1 || batchSize < 1) {
        throw new IllegalArgumentException("epochs and batch size must be positive, got " + epochs + ", "
            + batchSize);
      }
      Objects.requireNonNull(sampling, "sampling");
      Objects.requireNonNull(augmentation, "augmentation");
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
      }
      if (maxSteps < 0) {
        throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
      }
      return new PretrainingSettings(this);
    }
  }
}
