package dev.lofi.cli.demo;

import dev.lofi.model.encoder.FrameInput;
import dev.lofi.trainer.TrainingDefaults;
import dev.lofi.trainer.stage.HeadTrainingSettings;
import dev.lofi.trainer.stage.JointTrainingSettings;
import dev.lofi.trainer.stage.PretrainingSettings;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How big a run is and what it compares: its SynthTAL set, how each configuration trains, which
 * configurations, the seeds, and the live localizer's score threshold. {@link #QUICK} fits in five
 * minutes on two cores and {@link #STANDARD} in twenty; {@link #LEARN} is {@code lofi bench
 * learn}: {@code lofi train}'s defaults on motion-only SynthTAL, judged on a test split.
 *
 * @param mode the run's name in its report
 * @param data the data set
 * @param training how each configuration trains
 * @param configurations the rows compared, in the table's order
 * @param seeds seeds 1..seeds, each a whole run of every configuration
 * @param threshold the live localizer's score threshold: low, because mAP ranks every detection
 */
public record DemoSettings(String mode, Data data, Training training, List<DemoConfiguration> configurations,
    int seeds, double threshold) {

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

  /**
   * How a configuration trains, stage by stage.
   *
   * @param pretrainEpochs epochs of encoder pre-training (shared by every configuration of a seed)
   * @param pretrainLearningRate SGD's initial rate of pre-training
   * @param augment whether pre-training augments its clips
   * @param frameInput what the encoder sees
   * @param lofiEpochs epochs of joint training of each LoFi configuration
   * @param headEpochs epochs of head training on frozen features
   * @param batch videos per mini-batch, the same at every fidelity
   * @param learningRate SGD's initial rate of joint and head training
   * @param validate whether joint and head training score the validation videos after each epoch,
   *     as {@code lofi train} does (a full-fidelity pass over them, each epoch)
   */
  public record Training(int pretrainEpochs, float pretrainLearningRate, boolean augment, FrameInput frameInput,
      int lofiEpochs, int headEpochs, int batch, float learningRate, boolean validate) {

    public Training {
      if (pretrainEpochs < 1 || lofiEpochs < 1 || headEpochs < 1 || batch < 1) {
        throw new IllegalArgumentException("epochs and batch must be positive");
      }
      if (!(pretrainLearningRate > 0) || !(learningRate > 0)) {
        throw new IllegalArgumentException("learning rates must be positive");
      }
    }

    /**
     * The demo's own short schedules on legible classes: RGB frames (the class is a colour), no
     * augmentation, no validation, and pre-training at 0.003, the rate its figures were measured at.
     */
    static Training demo(int pretrainEpochs, int lofiEpochs) {
      return new Training(pretrainEpochs, 0.003f, false, FrameInput.RGB, lofiEpochs, 100, 4, 0.01f, false);
    }

    /** What {@code lofi train --stage all} does when no option is given. */
    static Training trainDefaults() {
      return new Training(PretrainingSettings.DEFAULT_EPOCHS, PretrainingSettings.DEFAULT_LEARNING_RATE,
          TrainingDefaults.AUGMENT, TrainingDefaults.frameInput(), JointTrainingSettings.DEFAULT_EPOCHS,
          HeadTrainingSettings.DEFAULT_EPOCHS, TrainingDefaults.BATCH, JointTrainingSettings.DEFAULT_LEARNING_RATE,
          true);
    }
  }

  public DemoSettings {
    if (!configurations.containsAll(List.of(DemoConfiguration.BASELINE, DemoConfiguration.C)) || seeds < 1) {
      throw new IllegalArgumentException("the comparison needs the baseline, C-LoFi and at least one seed, got "
          + configurations + " and " + seeds + " seeds");
    }
    if (!(threshold >= 0 && threshold < 1)) {
      throw new IllegalArgumentException("need a threshold in [0, 1)");
    }
    configurations = List.copyOf(configurations);
  }

  /** 16 legible videos, 4 clips a class, 6 pre-training, 3 joint (one cycle of s, t, st) and 100 head epochs. */
  public static final DemoSettings QUICK = new DemoSettings("quick", new Data(16, true, 4, 0), Training.demo(6, 3),
      List.of(DemoConfiguration.values()), 1, 0.05);

  /** SynthTAL's 40 legible videos and 12 clips a class, 9 pre-training, 6 joint and 100 head epochs. */
  public static final DemoSettings STANDARD = new DemoSettings("standard", new Data(40, true, 12, 0),
      Training.demo(9, 6), List.of(DemoConfiguration.values()), 1, 0.05);

  /**
   * 40 motion-only videos with no trimmed clips and 12 test videos of their own seed; baseline and
   * C-LoFi trained as {@code lofi train --stage all [--baseline]} trains them.
   */
  public static final DemoSettings LEARN = new DemoSettings("learn", new Data(40, false, 0, 12),
      Training.trainDefaults(), List.of(DemoConfiguration.BASELINE, DemoConfiguration.C),
      LearnBenchmark.DEFAULT_SEEDS, 0.05);

  /** The same run over {@code count} seeds. */
  public DemoSettings withSeeds(int count) {
    return new DemoSettings(mode, data, training, configurations, count, threshold);
  }

  /** The same run comparing {@code rows}, in the table's order (the enum's), each once. */
  public DemoSettings withConfigurations(Collection<DemoConfiguration> rows) {
    EnumSet<DemoConfiguration> ordered = EnumSet.noneOf(DemoConfiguration.class);
    ordered.addAll(rows);
    return new DemoSettings(mode, data, training, List.copyOf(ordered), seeds, threshold);
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
    map.put("lofi_epochs", training.lofiEpochs());
    map.put("head_epochs", training.headEpochs());
    map.put("batch", training.batch());
    map.put("learning_rate", training.learningRate());
    map.put("validate", training.validate());
    map.put("configurations", configurations.stream().map(DemoConfiguration::title).toList());
    map.put("seeds", seeds);
    map.put("localizer_threshold", threshold);
    return map;
  }
}
