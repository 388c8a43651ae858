package dev.lofi.model.head;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A head's loss on one batch: the scalar to back-propagate, its named parts (for metrics; each
 * already weighted and normalised, so they add up to {@code total}), and how many positives the
 * batch had.
 *
 * @param total scalar {@code []}
 * @param parts scalars by name, e.g. {@code cls} and {@code reg}; iteration order is stable
 * @param positives number of positive samples the parts were normalised by (before the floor of 1)
 */
public record HeadLoss(NDArray total, Map<String, NDArray> parts, int positives) {

  public HeadLoss {
    parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
  }
}
