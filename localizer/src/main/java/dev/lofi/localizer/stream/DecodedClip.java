package dev.lofi.localizer.stream;

import dev.lofi.topics.record.ClipSnippet;

/**
 * A record of {@code lofi.live.clips} after decoding: its snippet, null when it could not be read,
 * and its bytes as they came, for the dead-letter topic.
 */
record DecodedClip(ClipSnippet snippet, byte[] received) {

  boolean readable() {
    return snippet != null;
  }
}
