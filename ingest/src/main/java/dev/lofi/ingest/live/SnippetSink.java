package dev.lofi.ingest.live;

import dev.lofi.topics.record.ClipSnippet;

/**
 * Where a live ingest delivers its stream: {@code lofi.live.clips}, or a consumer in the same
 * process that takes the very snippets the topic would hold (offline localization of files).
 */
public interface SnippetSink extends AutoCloseable {

  /**
   * Takes the stream's next snippet; the end-of-stream marker comes last.
   *
   * @throws IllegalStateException if an earlier snippet could not be taken: going on would leave a
   *     hole in the stream
   */
  void send(ClipSnippet snippet);

  /** Returns once every snippet sent has been taken for good; throws as {@link #send} does. */
  default void flush() {}

  @Override
  default void close() {}
}
