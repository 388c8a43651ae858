package dev.lofi.cli.demo;

import dev.lofi.model.encoder.FrameInput;
import dev.lofi.model.head.TalHeads;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.trainer.TrainingDefaults;
import dev.lofi.trainer.stage.HeadTrainingSettings;
import dev.lofi.trainer.stage.JointTrainingSettings;
import dev.lofi.trainer.stage.PretrainingSettings;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How big a run is and what it compares: its SynthTAL set, how each configuration trains, and
 * which configurations over how many seeds. {@link #QUICK} fits in five
 * minutes on two cores and {@link #STANDARD} in twenty; {@link #LEARN} is {@code lofi bench
 * learn}: {@code lofi train}'s defaults on motion-only SynthTAL, judged on a test split.
 *
 * @param mode the run's name in its report
 * @param data the data set
 * @param training how each configuration trains
 * @param comparison the rows compared and the seeds
 */
public record DemoSettings(String mode, Data data, Training training, Comparison comparison) {

  /** The live localizers' score threshold: low, because mAP ranks every detection. */
  public static final double THRESHOLD = 0.05;

  /**
   * What a run compares.
   *
   * @param configurations the rows, kept in the table's order (the enum's), each once
   * @param seeds seeds 1..seeds, each a whole run of every configuration
   */
  public record Comparison(List<DemoConfiguration> configurations, int seeds) {

    public Comparison {
      if (configurations == null || !configurations.containsAll(List.of(DemoConfiguration.BASELINE,
          DemoConfiguration.C)) || seeds < 1) {
        throw new IllegalArgumentException("the comparison needs the baseline, C-LoFi and at least one seed, got "
            + configurations + " and " + seeds + " seeds");
      }
      configurations = List.copyOf(EnumSet.copyOf(configurations));
    }
  }

  /**
   * The data set: SynthTAL's training and validation videos, ingested at every fidelity.
   *
   * @param videos untrimmed SynthTAL videos (a quarter of them in subset {@code validation})
   * @param legible whether each video shows one class, worn as the actor's colour
   * @param clipsPerClass trimmed pre-training clips per action class (subset {@code pretrain});
   *     0 for none, so that pre-training cuts the training videos' segments, as it must on real data
   * @param testVideos 0 to hold out the validation videos; otherwise the held-out videos are a test
   *     split of this many from a SynthTAL of its own seed, never ingested for training, and the
   *     validation videos only select
   */
  public record Data(int videos, boolean legible, int clipsPerClass, int testVideos) {

    public Data {
      if (videos < 8) {
        throw new IllegalArgumentException("a run needs at least 8 videos (6 to train, 2 to validate), got " + videos);
      }
      if (clipsPerClass < 0 || testVideos < 0) {
        throw new IllegalArgumentException("clips per class and test videos must be >= 0");
      }
    }
  }

  /** How a configuration trains, stage by stage; built with {@link #builder()}, whose defaults are {@code lofi train}'s. */
  public static final class Training {
    private final int pretrainEpochs;
    private final float pretrainLearningRate;
    private final boolean augment;
    private final FrameInput frameInput;
    private final int lofiEpochs;
    private final int headEpochs;
    private final int batch;
    private final float learningRate;
    private final boolean validate;
    private final String head;

    private Training(Builder builder) {
      if (builder.pretrainEpochs < 1 || builder.lofiEpochs < 1 || builder.headEpochs < 1 || builder.batch < 1) {
        throw new IllegalArgumentException("epochs and batch must be positive");
      }
      if (!(builder.pretrainLearningRate > 0) || !(builder.learningRate > 0)) {
        throw new IllegalArgumentException("learning rates must be positive");
      }
      this.pretrainEpochs = builder.pretrainEpochs;
      this.pretrainLearningRate = builder.pretrainLearningRate;
      this.augment = builder.augment;
      this.frameInput = Objects.requireNonNull(builder.frameInput, "frameInput");
      this.lofiEpochs = builder.lofiEpochs;
      this.headEpochs = builder.headEpochs;
      this.batch = builder.batch;
      this.learningRate = builder.learningRate;
      this.validate = builder.validate;
      this.head = TalHeads.requireKind(Objects.requireNonNull(builder.head, "head"));
    }

    /** What {@code lofi train --stage all} does when no option is given, to change field by field. */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * The demo's own short schedules on legible classes: RGB frames (the class is a colour), no
     * augmentation, no validation, and pre-training at 0.003, the rate its figures were measured at.
     */
    public static Builder demo() {
      return builder().optPretrainLearningRate(0.003f).optAugment(false).optFrameInput(FrameInput.RGB)
          .optHeadEpochs(100).optBatch(4).optLearningRate(0.01f).optValidate(false);
    }

    static Training demo(int pretrainEpochs, int lofiEpochs) {
      return demo().optPretrainEpochs(pretrainEpochs).optLofiEpochs(lofiEpochs).build();
    }

    /** Epochs of encoder pre-training (shared by every configuration of a seed). */
    public int pretrainEpochs() {
      return pretrainEpochs;
    }

    /** SGD's initial rate of pre-training. */
    public float pretrainLearningRate() {
      return pretrainLearningRate;
    }

    /** Whether pre-training augments its clips. */
    public boolean augment() {
      return augment;
    }

    /** What the encoder sees. */
    public FrameInput frameInput() {
      return frameInput;
    }

    /** Epochs of joint training of each LoFi configuration. */
    public int lofiEpochs() {
      return lofiEpochs;
    }

    /** Epochs of head training on frozen features. */
    public int headEpochs() {
      return headEpochs;
    }

    /** Videos per mini-batch, the same at every fidelity. */
    public int batch() {
      return batch;
    }

    /** SGD's initial rate of joint and head training. */
    public float learningRate() {
      return learningRate;
    }

    /**
     * Whether joint and head training score the validation videos after each epoch, as {@code lofi
     * train} does (a full-fidelity pass over them, each epoch).
     */
    public boolean validate() {
      return validate;
    }

    /** The head kind every configuration trains. */
    public String head() {
      return head;
    }

    /** The same training with a head of {@code kind}. */
    public Training withHead(String kind) {
      Builder b = new Builder();
      b.pretrainEpochs = pretrainEpochs;
      b.pretrainLearningRate = pretrainLearningRate;
      b.augment = augment;
      b.frameInput = frameInput;
      b.lofiEpochs = lofiEpochs;
      b.headEpochs = headEpochs;
      b.batch = batch;
      b.learningRate = learningRate;
      b.validate = validate;
      b.head = kind;
      return b.build();
    }

    /** Builds {@link Training}; every field starts at {@code lofi train}'s default. */
    public static final class Builder {
      private int pretrainEpochs = PretrainingSettings.DEFAULT_EPOCHS;
      private float pretrainLearningRate = PretrainingSettings.DEFAULT_LEARNING_RATE;
      private boolean augment = TrainingDefaults.AUGMENT;
      private FrameInput frameInput = TrainingDefaults.frameInput();
      private int lofiEpochs = JointTrainingSettings.DEFAULT_EPOCHS;
      private int headEpochs = HeadTrainingSettings.DEFAULT_EPOCHS;
      private int batch = TrainingDefaults.BATCH;
      private float learningRate = JointTrainingSettings.DEFAULT_LEARNING_RATE;
      private boolean validate = true;
      private String head = LofiPreset.DEFAULT_HEAD;

      private Builder() {}

      public Builder optPretrainEpochs(int epochs) {
        this.pretrainEpochs = epochs;
        return this;
      }

      public Builder optPretrainLearningRate(float rate) {
        this.pretrainLearningRate = rate;
        return this;
      }

      public Builder optAugment(boolean augment) {
        this.augment = augment;
        return this;
      }

      public Builder optFrameInput(FrameInput input) {
        this.frameInput = input;
        return this;
      }

      public Builder optLofiEpochs(int epochs) {
        this.lofiEpochs = epochs;
        return this;
      }

      public Builder optHeadEpochs(int epochs) {
        this.headEpochs = epochs;
        return this;
      }

      public Builder optBatch(int batch) {
        this.batch = batch;
        return this;
      }

      public Builder optLearningRate(float rate) {
        this.learningRate = rate;
        return this;
      }

      public Builder optValidate(boolean validate) {
        this.validate = validate;
        return this;
      }

      public Builder optHead(String kind) {
        this.head = kind;
        return this;
      }

      /** The training, validated. */
      public Training build() {
        return new Training(this);
      }
    }
  }

  /** 16 legible videos, 4 clips a class, 6 pre-training, 3 joint (one cycle of s, t, st) and 100 head epochs. */
  public static final DemoSettings QUICK = new DemoSettings("quick", new Data(16, true, 4, 0), Training.demo(6, 3),
      new Comparison(List.of(DemoConfiguration.values()), 1));

  /** SynthTAL's 40 legible videos and 12 clips a class, 9 pre-training, 6 joint and 100 head epochs. */
  public static final DemoSettings STANDARD = new DemoSettings("standard", new Data(40, true, 12, 0),
      Training.demo(9, 6), new Comparison(List.of(DemoConfiguration.values()), 1));

  /**
   * 40 motion-only videos with no trimmed clips and 12 test videos of their own seed; baseline and
   * C-LoFi trained as {@code lofi train --stage all [--baseline]} trains them.
   */
  public static final DemoSettings LEARN = new DemoSettings("learn", new Data(40, false, 0, 12),
      Training.builder().build(), new Comparison(List.of(DemoConfiguration.BASELINE, DemoConfiguration.C),
      LearnBenchmark.DEFAULT_SEEDS));

  /** The same run over {@code count} seeds. */
  public DemoSettings withSeeds(int count) {
    return new DemoSettings(mode, data, training, new Comparison(comparison.configurations(), count));
  }

  /** The same run with a head of {@code kind} in every configuration. */
  public DemoSettings withHead(String kind) {
    return new DemoSettings(mode, data, training.withHead(kind), comparison);
  }

  /** The same run comparing {@code rows}, in the table's order (the enum's), each once. */
  public DemoSettings withConfigurations(Collection<DemoConfiguration> rows) {
    return new DemoSettings(mode, data, training, new Comparison(List.copyOf(rows), comparison.seeds()));
  }

  /** The settings as {@code config.json} shows them. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mode", mode);
    map.put("preset", "cpu");
    map.put("videos", data.videos());
    map.put("video_format", DemoData.FORMAT.resolution() + " at " + (int) DemoData.FORMAT.fps() + " fps");
    map.put("legible_classes", data.legible());
    map.put("trimmed_clips_per_class", data.clipsPerClass());
    map.put("test_videos", data.testVideos());
    map.put("held_out", data.testVideos() > 0 ? "test split (SynthTAL seed " + DemoData.TEST_SEED + ")"
        : "validation subset");
    map.put("pretrain_epochs", training.pretrainEpochs());
    map.put("pretrain_learning_rate", training.pretrainLearningRate());
    map.put("augment", training.augment());
    map.put("frame_input", training.frameInput().id());
    map.put("head", training.head());
    map.put("lofi_epochs", training.lofiEpochs());
    map.put("head_epochs", training.headEpochs());
    map.put("batch", training.batch());
    map.put("learning_rate", training.learningRate());
    map.put("validate", training.validate());
    map.put("configurations", comparison.configurations().stream().map(DemoConfiguration::title).toList());
    map.put("seeds", comparison.seeds());
    map.put("localizer_threshold", THRESHOLD);
    return map;
  }
}
