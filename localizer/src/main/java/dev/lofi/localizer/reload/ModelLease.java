package dev.lofi.localizer.reload;

import dev.lofi.localizer.inference.InferenceModel;

/** One hold on a model, for the work on one snippet; closing it lets a swapped-out model go. */
public final class ModelLease implements AutoCloseable {

  private final CurrentModel.Held held;
  private boolean released;

  ModelLease(CurrentModel.Held held) {
    this.held = held;
  }

  /** The model, open until this lease is closed. */
  public InferenceModel model() {
    if (released) {
      throw new IllegalStateException("the lease on " + held.model.version() + " has been released");
    }
    return held.model;
  }

  @Override
  public void close() {
    if (!released) {
      released = true;
      held.release();
    }
  }
}
