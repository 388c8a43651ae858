package dev.lofi.localizer.stream;

import static org.assertj.core.api.Assertions.fail;

import dev.lofi.localizer.reload.ReloadEvents;
import dev.lofi.topics.record.ClipSnippet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What a running localizer reports: its checkpoint events, and how far it has processed each stream. */
final class ServiceEvents extends ReloadEvents implements LocalizerListener {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** Per stream, the highest snippet index processed; an end marker counts as its index. */
  private final Map<String, Integer> processed = new ConcurrentHashMap<>();
  private final Map<String, Boolean> ended = new ConcurrentHashMap<>();

  @Override
  public void processed(ClipSnippet snippet) {
    processed.merge(snippet.videoId(), snippet.snippetIndex(), Math::max);
    if (snippet.endOfStream()) {
      ended.put(snippet.videoId(), true);
    }
  }

  /** Whether this instance has processed {@code stream} up to snippet {@code index}. */
  boolean reached(String stream, int index) {
    return processed.getOrDefault(stream, -1) >= index;
  }

  /** Whether this instance has processed the end marker of {@code stream}. */
  boolean ended(String stream) {
    return ended.containsKey(stream);
  }

  /** Waits until this instance has processed {@code stream} up to snippet {@code index}. */
  void awaitProcessed(String stream, int index) throws InterruptedException {
    awaitTrue(() -> reached(stream, index), stream + " processed up to snippet " + index);
  }

  /** Waits until {@code condition} holds, for at most the patience of a broker test. */
  static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + PATIENCE.toSeconds() + " s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
