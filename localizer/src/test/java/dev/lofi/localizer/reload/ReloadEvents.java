package dev.lofi.localizer.reload;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a checkpoint watcher reports, as lines such as {@code loaded m@v}, for tests to wait on. */
public class ReloadEvents implements ReloadListener {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  @Override
  public void waiting(String reason) {
    events.add("waiting " + reason);
  }

  @Override
  public void loaded(String version) {
    events.add("loaded " + version);
  }

  @Override
  public void refused(String version, String reason) {
    events.add("refused " + version + ": " + reason);
  }

  /** Waits for the next event starting with {@code prefix}, skipping others; returns it whole. */
  public String await(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      String event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null) {
        seen.add(event);
        if (event.startsWith(prefix)) {
          return event;
        }
      }
    }
    return fail("no event '" + prefix + "...' within " + PATIENCE.toSeconds() + " s; saw " + seen);
  }
}
