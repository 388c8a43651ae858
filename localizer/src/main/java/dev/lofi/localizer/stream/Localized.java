package dev.lofi.localizer.stream;

import dev.lofi.topics.record.Segment;

/**
 * What the localize step hands on: a segment for {@code lofi.segments}, or a snippet the serving
 * model could not encode, as it was received, for {@code lofi.dlq}.
 */
record Localized(Segment segment, byte[] refused) {

  static Localized of(Segment segment) {
    return new Localized(segment, null);
  }

  static Localized refusing(byte[] received) {
    return new Localized(null, received);
  }

  boolean isSegment() {
    return segment != null;
  }
}
