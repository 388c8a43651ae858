package dev.lofi.ingest.live;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop that a loop polls between frames and that cuts its waits short. An interrupt
 * of the waiting thread counts as a request; the interrupt is held back until {@link
 * #restoreInterrupt} so that the end marker can still be sent (Kafka refuses to send on an
 * interrupted thread).
 */
final class StopSignal {

  private final CountDownLatch requested = new CountDownLatch(1);
  private volatile boolean interrupted;

  /** Asks the loop to stop; safe from any thread, e.g. a shutdown hook. */
  void request() {
    requested.countDown();
  }

  /** Whether a stop was asked for. */
  boolean requested() {
    return requested.getCount() == 0;
  }

  /** Waits {@code millis}, or less if a stop is asked for meanwhile; true if it was. */
  boolean await(long millis) {
    try {
      return requested.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
      request();
      return true;
    }
  }

  /** Interrupts the current thread again if a wait of it was interrupted. */
  void restoreInterrupt() {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
