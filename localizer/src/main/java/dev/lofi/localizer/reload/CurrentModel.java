package dev.lofi.localizer.reload;

import dev.lofi.localizer.inference.InferenceModel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model the localizer runs now. A new one is swapped in whole, between two leases: work that
 * holds the old one finishes with it, and the old one is closed when its last lease ends, so a
 * model is never closed under a running call. Thread-safe.
 */
public final class CurrentModel implements ModelSource, AutoCloseable {

  private final AtomicReference<Held> current = new AtomicReference<>();

  @Override
  public ModelLease acquire() {
    while (true) {
      Held held = current.get();
      if (held == null) {
        throw new IllegalStateException("no model has been loaded yet");
      }
      if (held.tryAcquire()) {
        return new ModelLease(held);
      }
      // Swapped out and released between the read and the hold: the next read finds its successor.
    }
  }

  /** Makes {@code next} the current model; this object closes it when it is swapped out or closed. */
  public void swap(InferenceModel next) {
    Held previous = current.getAndSet(new Held(next));
    if (previous != null) {
      previous.release();
    }
  }

  /** {@code model@version} of the current model, if there is one. */
  public Optional<String> version() {
    return Optional.ofNullable(current.get()).map(held -> held.model.version());
  }

  /** Lets the current model go: it closes once no lease holds it. */
  @Override
  public void close() {
    Held previous = current.getAndSet(null);
    if (previous != null) {
      previous.release();
    }
  }

  /** A model and its holds: one for being current, one per open lease; closed at none. */
  static final class Held {
    final InferenceModel model;
    private final AtomicInteger holds = new AtomicInteger(1);

    Held(InferenceModel model) {
      this.model = model;
    }

    boolean tryAcquire() {
      while (true) {
        int now = holds.get();
        if (now == 0) {
          return false;
        }
        if (holds.compareAndSet(now, now + 1)) {
          return true;
        }
      }
    }

    void release() {
      if (holds.decrementAndGet() == 0) {
        model.close();
      }
    }
  }
}
