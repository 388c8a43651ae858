package dev.lofi.cli;

import java.util.function.Supplier;

/**
 * A command refuses its options or arguments before it starts its work: exit 2. Every other
 * failure, an {@code IllegalArgumentException} from deep in a run included, exits 1.
 */
final class BadUsage extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadUsage(String message) {
    super(message);
  }

  private BadUsage(IllegalArgumentException refusal) {
    super(refusal.getMessage(), refusal);
  }

  /**
   * Runs what turns options into settings (records, presets, references that validate what they
   * are given): a value they refuse is bad usage, said with their message.
   */
  static <T> T interpreting(Supplier<T> options) {
    try {
      return options.get();
    } catch (IllegalArgumentException refusal) {
      throw new BadUsage(refusal);
    }
  }
}
