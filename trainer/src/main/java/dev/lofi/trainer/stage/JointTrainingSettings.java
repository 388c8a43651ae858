package dev.lofi.trainer.stage;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.List;

/**
 * How the {@code lofi} stage trains encoder and head together.
 *
 * @param model the checkpoint stream's model name
 * @param fidelities the low fidelities to cycle through, by clip-topic name
 * @param cycle C-LoFi's cycle
 * @param batchesPerSwitch the short cycle's period (the paper: 16)
 * @param epochs passes over the training videos
 * @param batchSize videos per mini-batch, the same at every fidelity
 * @param learningRate SGD's initial rate, halved every {@link SgdSchedule#HALVING_STEPS} steps
 * @param seed fixes the order of every epoch
 * @param maxSteps stop after this many steps (0: no limit); keeps tests short
 * @param validationFidelity the clip topic validation videos are read from after each epoch:
 *     {@link #VALIDATION_FIDELITY}, the fidelity of inference, but for tests; null for no
 *     validation (it runs the whole network at full fidelity, which costs a run on a budget more
 *     than an epoch of low-fidelity training does)
 * @param network the network to train; null for the preset's
 */
public record JointTrainingSettings(String model, List<String> fidelities, Cycle cycle, int batchesPerSwitch,
    int epochs, int batchSize, float learningRate, long seed, long maxSteps, String validationFidelity,
    NetworkConfig network) {

  /** Ten epochs: the long cycle trains each of s, t and st for at least three. */
  public static final int DEFAULT_EPOCHS = 10;

  /** The paper's 0.1 for batches of 16, scaled down for batches of 4 and a pre-trained start. */
  public static final float DEFAULT_LEARNING_RATE = 0.01f;

  /** Validation runs the network as the localizer will: on full-fidelity snippets. */
  public static final String VALIDATION_FIDELITY = FidelityPreset.FULL;

  public JointTrainingSettings {
    if (fidelities == null || fidelities.isEmpty()) {
      throw new IllegalArgumentException("give at least one fidelity to train at");
    }
    fidelities = List.copyOf(fidelities);
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
  }
}
