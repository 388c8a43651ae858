package dev.lofi.trainer.stage;

/**
 * A stage stopped because its last steps had a non-finite loss or gradient: a run-time failure
 * (the command exits 1), never bad usage. The model's latest checkpoint is the last good one.
 */
public final class NonFiniteTrainingException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  NonFiniteTrainingException(String message) {
    super(message);
  }
}
