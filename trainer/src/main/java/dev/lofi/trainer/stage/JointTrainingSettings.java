package dev.lofi.trainer.stage;

import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.trainer.TrainingDefaults;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the {@code lofi} stage trains encoder and head together, built in DJL's manner:
 * {@code JointTrainingSettings.builder("lofi-cpu").optEpochs(10).build()}; what is not set is
 * {@code lofi train}'s default, and {@link Builder#build()} checks everything once.
 */
public final class JointTrainingSettings {

  /** Ten epochs: the long cycle trains each of s, t and st for at least three. */
  public static final int DEFAULT_EPOCHS = 10;

  /** The paper's 0.1 for batches of 16, scaled down for batches of 4 and a pre-trained start. */
  public static final float DEFAULT_LEARNING_RATE = 0.01f;

  /** Validation runs the network as the localizer will: on full-fidelity snippets. */
  public static final String VALIDATION_FIDELITY = FidelityPreset.FULL;

  private final String model;
  private final List<String> fidelities;
  private final Cycle cycle;
  private final int batchesPerSwitch;
  private final int epochs;
  private final int batchSize;
  private final float learningRate;
  private final long seed;
  private final long maxSteps;
  private final String validationFidelity;
  private final boolean encoderStatisticsFrozen;

  private JointTrainingSettings(Builder builder) {
    this.model = builder.model;
    this.fidelities = List.copyOf(builder.fidelities);
    this.cycle = builder.cycle;
    this.batchesPerSwitch = builder.batchesPerSwitch;
    this.epochs = builder.epochs;
    this.batchSize = builder.batchSize;
    this.learningRate = builder.learningRate;
    this.seed = builder.seed;
    this.maxSteps = builder.maxSteps;
    this.validationFidelity = builder.validationFidelity;
    this.encoderStatisticsFrozen = builder.encoderStatisticsFrozen;
  }

  /** Settings for the checkpoints of {@code model}, every other one at its default. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** The checkpoint stream's model name. */
  public String model() {
    return model;
  }

  /** The low fidelities to cycle through, by clip-topic name. */
  public List<String> fidelities() {
    return fidelities;
  }

  /** C-LoFi's cycle. */
  public Cycle cycle() {
    return cycle;
  }

  /** The short cycle's period in batches (the paper: 16). */
  public int batchesPerSwitch() {
    return batchesPerSwitch;
  }

  /** Passes over the training videos. */
  public int epochs() {
    return epochs;
  }

  /** Videos per mini-batch, the same at every fidelity. */
  public int batchSize() {
    return batchSize;
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

  /** The clip topic validation videos are read from after each epoch; null for no validation. */
  public String validationFidelity() {
    return validationFidelity;
  }

  /** Whether the encoder's batch norms keep the statistics they start with ({@link Builder#optFrozenEncoderStatistics}). */
  public boolean encoderStatisticsFrozen() {
    return encoderStatisticsFrozen;
  }

  /** Sets the stage's options; {@link #build()} validates them. */
  public static final class Builder {
    private final String model;
    private List<String> fidelities = FidelityPreset.LOW;
    private Cycle cycle = Cycle.valueOf(TrainingDefaults.CYCLE.toUpperCase(Locale.ROOT));
    private int batchesPerSwitch = TrainingDefaults.SWITCH_EVERY;
    private int epochs = DEFAULT_EPOCHS;
    private int batchSize = TrainingDefaults.BATCH;
    private float learningRate = DEFAULT_LEARNING_RATE;
    private long seed = 1;
    private long maxSteps;
    private String validationFidelity = VALIDATION_FIDELITY;
    private boolean encoderStatisticsFrozen;

    private Builder(String model) {
      this.model = model;
    }

    /** The low fidelities to cycle through (default s, t, st). */
    public Builder optFidelities(List<String> names) {
      this.fidelities = names;
      return this;
    }

    /** C-LoFi's cycle and the short cycle's period in batches (default long, 16). */
    public Builder optCycle(Cycle kind, int batchesBetweenSwitches) {
      this.cycle = kind;
      this.batchesPerSwitch = batchesBetweenSwitches;
      return this;
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

    /**
     * The clip topic validation videos are read from after each epoch (default {@link
     * #VALIDATION_FIDELITY}, the fidelity of inference); null for no validation, which runs the
     * whole network at full fidelity and costs a run on a budget more than an epoch of
     * low-fidelity training does.
     */
    public Builder optValidationFidelity(String fidelity) {
      this.validationFidelity = fidelity;
      return this;
    }

    /**
     * Whether the encoder's batch norms keep the statistics they start with, the pre-trained
     * network's, instead of learning those of low-fidelity batches ({@code norm_eval}; default
     * off: on one seed it lowered the validation mAP of T- and C-LoFi, docs/learning.md).
     */
    public Builder optFrozenEncoderStatistics(boolean frozen) {
      this.encoderStatisticsFrozen = frozen;
      return this;
    }

    /** The settings, once checked. */
    public JointTrainingSettings build() {
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("a model name is required");
      }
      if (fidelities == null || fidelities.isEmpty()) {
        throw new IllegalArgumentException("give at least one fidelity to train at");
      }
      Objects.requireNonNull(cycle, "cycle");
      if (epochs < 1 || batchSize < 1 || batchesPerSwitch < 1) {
        throw new IllegalArgumentException("epochs, batch size and batches per switch must be positive, got "
            + epochs + ", " + batchSize + ", " + batchesPerSwitch);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
      }
      if (validationFidelity != null && validationFidelity.isBlank()) {
        throw new IllegalArgumentException("the validation fidelity must not be blank: give one, e.g. '"
            + VALIDATION_FIDELITY + "', or null for no validation");
      }
      if (maxSteps < 0) {
        throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
      }
      return new JointTrainingSettings(this);
    }
  }
}
