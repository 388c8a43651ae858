package dev.lofi.trainer.stage;

import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.trainer.data.SnippetAugmentation;
import dev.lofi.trainer.data.SparseSnippets;
import java.util.Objects;

/**
 * How the {@code pretrain} stage trains the encoder to classify trimmed clips.
 *
 * @param model the checkpoint stream's model name
 * @param fidelity the clip topic to read, by fidelity name; {@link #DEFAULT_FIDELITY} by default
 * @param epochs passes over the trimmed clips
 * @param batchSize clips per mini-batch (the last of an epoch may hold fewer)
 * @param sampling the snippets a clip gives each step, drawn sparsely over its length
 * @param learningRate SGD's initial rate, halved every {@link SgdSchedule#HALVING_STEPS} steps
 * @param seed fixes the initial parameters and the order of every epoch
 * @param maxSteps stop after this many steps (0: no limit); keeps tests short
 * @param segmentFidelity the clip topic that segments are cut from where there are no trimmed
 *     clips; {@link #DEFAULT_SEGMENT_FIDELITY} by default
 * @param augmentation how each training clip is changed each epoch; {@link SnippetAugmentation#NONE}
 *     by default
 */
public record PretrainingSettings(String model, String fidelity, int epochs, int batchSize, SparseSnippets sampling,
    float learningRate, long seed, long maxSteps, String segmentFidelity, SnippetAugmentation augmentation) {

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

  /**
   * Settings whose segments, if it comes to them, are cut at {@link #DEFAULT_SEGMENT_FIDELITY}, and
   * whose clips are not augmented.
   */
  public PretrainingSettings(String model, String fidelity, int epochs, int batchSize, SparseSnippets sampling,
      float learningRate, long seed, long maxSteps) {
    this(model, fidelity, epochs, batchSize, sampling, learningRate, seed, maxSteps, DEFAULT_SEGMENT_FIDELITY,
        SnippetAugmentation.NONE);
  }

  public PretrainingSettings {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("a model name is required");
    }
    if (fidelity == null || fidelity.isBlank() || segmentFidelity == null || segmentFidelity.isBlank()) {
      throw new IllegalArgumentException("fidelities are required, e.g. '" + DEFAULT_FIDELITY + "' and '"
          + DEFAULT_SEGMENT_FIDELITY + "'");
    }
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("epochs and batch size must be positive, got " + epochs + ", " + batchSize);
    }
    Objects.requireNonNull(sampling, "sampling");
    Objects.requireNonNull(augmentation, "augmentation");
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
    if (maxSteps < 0) {
      throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
    }
  }
}
