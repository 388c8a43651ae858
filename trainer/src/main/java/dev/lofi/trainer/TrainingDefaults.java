package dev.lofi.trainer;

import dev.lofi.model.encoder.FrameInput;
import dev.lofi.topics.fidelity.FidelityPreset;

/**
 * What {@code lofi train} does where no option says otherwise, beside each stage's own defaults
 * (epochs and rates, in the stages' settings): declared once so that the command and
 * {@code lofi bench learn}, which measures what these defaults learn, cannot drift apart.
 * Compile-time constants, as the command line's default values must be.
 */
public final class TrainingDefaults {

  /** Videos (or clips) per mini-batch, the same at every fidelity and stage. */
  public static final int BATCH = 4;

  /**
   * Whether pre-training mirrors, shifts and brightens its clips each epoch: on a few dozen videos
   * an encoder without it learns each training video's look (docs/learning.md).
   */
  public static final boolean AUGMENT = true;

  /**
   * What the encoder sees, by {@link FrameInput#id()}: the frame differences, so that a still
   * background, which a few dozen videos let a network memorize, never reaches it. On motion-only
   * SynthTAL the held-out figures of {@code lofi bench learn} rose from near chance with RGB frames
   * (docs/learning.md).
   */
  public static final String FRAME_INPUT = "diff";

  /** The low fidelities C-LoFi cycles through. */
  public static final String FIDELITIES = FidelityPreset.LOW_OPTION;

  /** C-LoFi's cycle: one fidelity per epoch. */
  public static final String CYCLE = "long";

  /** Batches between fidelity switches in the short cycle. */
  public static final int SWITCH_EVERY = 16;

  private TrainingDefaults() {}

  /** {@link #FRAME_INPUT}, parsed. */
  public static FrameInput frameInput() {
    return FrameInput.of(FRAME_INPUT);
  }
}
