package dev.lofi.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in an end-to-end test for what services do on their own time, failing with what was awaited. */
final class Await {

  private Await() {}

  /** Checks {@code condition} twice a second until it holds; fails naming {@code what} after {@code limit}. */
  static void until(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
      }
      sleep(500);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
