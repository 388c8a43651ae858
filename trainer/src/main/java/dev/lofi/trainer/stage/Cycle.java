package dev.lofi.trainer.stage;

import java.util.Locale;

/**
 * How C-LoFi cycles the low fidelities: one per epoch (long, the paper's default), or a new one
 * every few mini-batches (short).
 */
public enum Cycle {
  LONG,
  SHORT;

  /** The fidelity (an index into {@code count} of them) of mini-batch {@code batch} of epoch {@code epoch}. */
  public int fidelity(int epoch, int batch, int batchesPerSwitch, int count) {
    return switch (this) {
      case LONG -> epoch % count;
      case SHORT -> (batch / batchesPerSwitch) % count;
    };
  }

  /** The name the command line takes and the reports print. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
