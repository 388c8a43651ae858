package dev.lofi.topics.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One detected action on a stream, as the {@code lofi.segments} contract writes it. An action is
 * published {@code opened} while it may still grow, then {@code closed} once, final.
 *
 * @param stream the stream id, the record key
 * @param event opened or closed
 * @param label the action class
 * @param start media time of the stream the action starts at, seconds
 * @param end media time it ends at so far; equal to {@code start} only while opened
 * @param score confidence in [0, 1]
 * @param model version of the checkpoint that detected it
 * @param startWall wall-clock time of {@code start}
 * @param endWall wall-clock time of {@code end}; null only while opened
 * @param latencyMs from capturing the deciding snippet to publishing; may be negative under clock
 *     skew between machines, so it is not checked
 */
public record Segment(
    String stream,
    Event event,
    String label,
    double start,
    double end,
    double score,
    String model,
    Instant startWall,
    Instant endWall,
    long latencyMs) {

  /** The two events of an action's life; lower-case in JSON. */
  public enum Event {
    @JsonProperty("opened")
    OPENED,
    @JsonProperty("closed")
    CLOSED
  }

  public Segment {
    Require.nonNull("stream", stream);
    Require.nonNull("event", event);
    Require.nonBlank("label", label);
    Require.finiteAtLeast("start", start, 0);
    Require.finiteAtLeast("end", end, start);
    if (event == Event.CLOSED && end == start) {
      throw new IllegalArgumentException("a closed segment must end after its start " + start + ", got end " + end);
    }
    Require.unitInterval("score", score);
    Require.nonNull("model", model);
    Require.nonNull("startWall", startWall);
    if (event == Event.CLOSED) {
      Require.nonNull("endWall", endWall);
    }
    if (endWall != null && endWall.isBefore(startWall)) {
      throw new IllegalArgumentException("endWall must not be before startWall " + startWall + ", got " + endWall);
    }
  }
}
