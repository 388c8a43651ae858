package dev.lofi.trainer.stage;

import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.List;

/**
 * How the {@code extract} stage runs a checkpoint's encoder over the videos.
 *
 * @param model the checkpoint stream whose latest checkpoint extracts (the {@code lofi} stage's)
 * @param fidelity the clip topic to read, by fidelity name: full fidelity, as inference sees videos
 * @param subsets the data set splits whose videos are extracted
 * @param batchSize videos per forward pass
 */
public record FeatureExtractionSettings(String model, String fidelity, List<String> subsets, int batchSize) {

  /** The full-fidelity clip topic's name. */
  public static final String FULL = FidelityPreset.FULL;
  /** Head training reads the training subset; evaluation the validation one. */
  public static final List<String> DEFAULT_SUBSETS = List.of("training", "validation");
  public static final int DEFAULT_BATCH = 4;

  public FeatureExtractionSettings {
    if (model == null || model.isBlank() || fidelity == null || fidelity.isBlank()) {
      throw new IllegalArgumentException("a model name and a fidelity are required, got " + model + ", " + fidelity);
    }
    if (subsets == null || subsets.isEmpty()) {
      throw new IllegalArgumentException("give at least one subset to extract");
    }
    subsets = List.copyOf(subsets);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
  }

  /** Full fidelity, training and validation, batches of {@value #DEFAULT_BATCH}. */
  public static FeatureExtractionSettings defaults(String model) {
    return new FeatureExtractionSettings(model, FULL, DEFAULT_SUBSETS, DEFAULT_BATCH);
  }
}
