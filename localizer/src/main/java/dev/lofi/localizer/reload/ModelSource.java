package dev.lofi.localizer.reload;

/** Where the localizer takes the model for each snippet from. */
public interface ModelSource {

  /**
   * The current model, held open until the lease is closed: a model swapped out meanwhile is
   * closed only once its last lease ends.
   *
   * @throws IllegalStateException if there is no model yet
   */
  ModelLease acquire();
}
