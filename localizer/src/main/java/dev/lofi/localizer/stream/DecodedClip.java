package dev.lofi.localizer.stream;

import dev.lofi.topics.record.ClipSnippet;

/**
 * A record of {@code lofi.live.clips} after decoding: its snippet, or, when it could not be read,
 * its bytes as they came, for the dead-letter topic.
 */
record DecodedClip(ClipSnippet snippet, byte[] unreadable) {

  boolean readable() {
    return snippet != null;
  }
}
