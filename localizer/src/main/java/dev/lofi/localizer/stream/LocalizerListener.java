package dev.lofi.localizer.stream;

import dev.lofi.localizer.reload.ReloadListener;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.Segment;

/**
 * Hears what the live localizer does, for a console or a test. Called from its processing and
 * watcher threads. Under exactly-once, work on snippets whose transaction is aborted (a crash, a
 * rebalance) is heard again when it is redone; {@code lofi.segments} has it once.
 */
public interface LocalizerListener extends ReloadListener {

  /** Nobody is told anything. */
  LocalizerListener NONE = new LocalizerListener() {};

  /** A snippet or end-of-stream marker was processed. */
  default void processed(ClipSnippet snippet) {}

  /** A segment was handed to {@code lofi.segments}. */
  default void segment(Segment segment) {}

  /** A record of {@code lofi.live.clips} could not be read and went to {@code lofi.dlq}. */
  default void unreadable(String origin, String reason) {}

  /** A readable snippet the serving model cannot encode went to {@code lofi.dlq}. */
  default void refused(String origin, String reason) {}
}
