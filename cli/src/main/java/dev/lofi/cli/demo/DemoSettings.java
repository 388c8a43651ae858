package dev.lofi.cli.demo;

import dev.lofi.trainer.stage.PretrainingSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How big a demo run is: its SynthTAL set, each stage's epochs, the batch, the seeds, and the live
 * localizer's score threshold. {@link #QUICK} fits in five minutes on two cores, {@link #STANDARD}
 * in twenty.
 *
 * @param videos untrimmed SynthTAL videos (a quarter held out for validation)
 * @param clipsPerClass trimmed pre-training clips per action class
 * @param pretrainEpochs epochs of encoder pre-training (shared by every configuration of a seed)
 * @param lofiEpochs epochs of joint training of each LoFi configuration
 * @param headEpochs epochs of head training on frozen features
 * @param batch videos per mini-batch, the same at every fidelity
 * @param learningRate SGD's initial rate of joint and head training (pre-training takes
 *     {@link PretrainingSettings#DEFAULT_LEARNING_RATE})
 * @param seeds seeds 1..seeds, each a whole run of every configuration
 * @param threshold the live localizer's score threshold: low, because mAP ranks every detection
 */
public record DemoSettings(boolean quick, int videos, int clipsPerClass, int pretrainEpochs, int lofiEpochs,
    int headEpochs, int batch, float learningRate, int seeds, double threshold) {

  public DemoSettings {
    if (videos < 8) {
      throw new IllegalArgumentException("the demo needs at least 8 videos (6 to train, 2 held out), got " + videos);
    }
    if (clipsPerClass < 1 || pretrainEpochs < 1 || lofiEpochs < 1 || headEpochs < 1 || batch < 1 || seeds < 1) {
      throw new IllegalArgumentException("clips per class, epochs, batch and seeds must be positive");
    }
    if (!(learningRate > 0) || !(threshold >= 0 && threshold < 1)) {
      throw new IllegalArgumentException("need a positive learning rate and a threshold in [0, 1)");
    }
  }

  /** 16 videos, 4 clips a class, 6 pre-training, 3 joint (one cycle of s, t, st) and 100 head epochs. */
  public static final DemoSettings QUICK = new DemoSettings(true, 16, 4, 6, 3, 100, 4, 0.01f, 1, 0.05);

  /** SynthTAL's 40 videos and 12 clips a class, 9 pre-training, 6 joint and 100 head epochs (heads train on stored features: cheap). */
  public static final DemoSettings STANDARD = new DemoSettings(false, 40, 12, 9, 6, 100, 4, 0.01f, 1, 0.05);

  /** The same run over {@code count} seeds. */
  public DemoSettings withSeeds(int count) {
    return new DemoSettings(quick, videos, clipsPerClass, pretrainEpochs, lofiEpochs, headEpochs, batch, learningRate,
        count, threshold);
  }

  /** The settings as {@code config.json} shows them. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mode", quick ? "quick" : "standard");
    map.put("preset", "cpu");
    map.put("videos", videos);
    map.put("video_format", DemoData.FORMAT.resolution() + " at " + (int) DemoData.FORMAT.fps() + " fps");
    map.put("legible_classes", DemoData.LEGIBLE_CLASSES);
    map.put("trimmed_clips_per_class", clipsPerClass);
    map.put("pretrain_epochs", pretrainEpochs);
    map.put("lofi_epochs", lofiEpochs);
    map.put("head_epochs", headEpochs);
    map.put("batch", batch);
    map.put("pretrain_learning_rate", PretrainingSettings.DEFAULT_LEARNING_RATE);
    map.put("learning_rate", learningRate);
    map.put("seeds", seeds);
    map.put("localizer_threshold", threshold);
    return map;
  }
}
