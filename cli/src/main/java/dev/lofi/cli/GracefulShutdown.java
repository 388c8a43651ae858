package dev.lofi.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C and SIGTERM into a graceful stop: a shutdown hook asks the work to stop, then holds
 * the JVM until the command has finished its last steps (a live ingest publishes its end marker,
 * flushes and prints its summary), at most for a grace period.
 */
final class GracefulShutdown implements AutoCloseable {

  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);

  GracefulShutdown(Runnable stop, Duration grace) {
    this.hook = new Thread(() -> {
      stop.run();
      try {
        finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lofi-graceful-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The command has finished: a shutdown under way may go on, and later ones need not wait. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running and has just been let go; the JVM ends when it returns.
    }
  }
}
