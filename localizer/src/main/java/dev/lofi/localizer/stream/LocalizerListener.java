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
  default void notEncodable(String origin, String reason) {}

  /** Tells each of {@code listeners}, in order, everything. */
  static LocalizerListener all(LocalizerListener... listeners) {
    return new LocalizerListener() {
      @Override
      public void waiting(String reason) {
        for (LocalizerListener listener : listeners) {
          listener.waiting(reason);
        }
      }

      @Override
      public void loaded(String version) {
        for (LocalizerListener listener : listeners) {
          listener.loaded(version);
        }
      }

      @Override
      public void refused(String version, String reason) {
        for (LocalizerListener listener : listeners) {
          listener.refused(version, reason);
        }
      }

      @Override
      public void processed(ClipSnippet snippet) {
        for (LocalizerListener listener : listeners) {
          listener.processed(snippet);
        }
      }

      @Override
      public void segment(Segment segment) {
        for (LocalizerListener listener : listeners) {
          listener.segment(segment);
        }
      }

      @Override
      public void unreadable(String origin, String reason) {
        for (LocalizerListener listener : listeners) {
          listener.unreadable(origin, reason);
        }
      }

      @Override
      public void notEncodable(String origin, String reason) {
        for (LocalizerListener listener : listeners) {
          listener.notEncodable(origin, reason);
        }
      }
    };
  }
}
