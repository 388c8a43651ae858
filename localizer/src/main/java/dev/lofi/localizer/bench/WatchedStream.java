package dev.lofi.localizer.bench;

import dev.lofi.topics.record.ClipSnippet;

/**
 * How far the running service has got with one stream: when it processed the stream's first
 * snippet and its end marker, the media time in between, and the segments it handed on.
 * Thread-safe: the service's processing thread reports, the benchmark reads.
 */
final class WatchedStream {

  private final String id;
  private long firstNanos;
  private double firstMediaEnd;
  private double lastMediaEnd;
  private int afterFirst = -1;
  private long endNanos;
  private int segments;

  WatchedStream(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  synchronized void processed(ClipSnippet snippet, long nanos) {
    if (snippet.endOfStream()) {
      endNanos = nanos;
    } else if (afterFirst < 0) {
      firstNanos = nanos;
      firstMediaEnd = snippet.mediaEnd();
      lastMediaEnd = snippet.mediaEnd();
      afterFirst = 0;
    } else {
      afterFirst++;
      lastMediaEnd = snippet.mediaEnd();
    }
  }

  synchronized void segmentHandedOn() {
    segments++;
  }

  /** Whether the service has processed the stream's end marker. */
  synchronized boolean ended() {
    return endNanos != 0;
  }

  /** Snippets processed after the first one, up to the end marker. */
  synchronized int snippetsAfterFirst() {
    return Math.max(afterFirst, 0);
  }

  /** Media seconds those snippets hold. */
  synchronized double mediaSecondsAfterFirst() {
    return lastMediaEnd - firstMediaEnd;
  }

  /** Seconds from the first snippet processed to the end marker processed. */
  synchronized double secondsAfterFirst() {
    return (endNanos - firstNanos) / 1e9;
  }

  /** Segments the service handed to {@code lofi.segments}. */
  synchronized int segments() {
    return segments;
  }
}
