package dev.lofi.ingest.live;

import dev.lofi.topics.record.ClipSnippet;
import java.time.Duration;

/** Hears what a live ingest does, so that a console can show it. */
public interface LiveListener {

  /**
   * The source opened, or opened again after it failed ({@code reconnected}); its frames are
   * {@code width x height} at {@code fps}. Repeats of a looping file are not openings.
   */
  default void opened(LiveSource source, int width, int height, double fps, boolean reconnected) {}

  /** One snippet went to the producer. */
  default void snippetPublished(ClipSnippet snippet) {}

  /** The source failed for {@code reason}; retry number {@code retry} (from 1) follows after {@code delay}. */
  default void retrying(String reason, int retry, Duration delay) {}
}
