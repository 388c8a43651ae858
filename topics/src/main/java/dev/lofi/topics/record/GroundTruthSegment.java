package dev.lofi.topics.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One annotated action, written as ActivityNet does: {@code {"label": L, "segment": [start, end]}}.
 *
 * @param label the action class
 * @param start media time the action starts, seconds
 * @param end media time the action ends, seconds; after {@code start}
 */
public record GroundTruthSegment(String label, @JsonIgnore double start, @JsonIgnore double end) {

  public GroundTruthSegment {
    Require.nonBlank("label", label);
    Require.finiteAtLeast("start", start, 0);
    if (!Double.isFinite(end) || end <= start) {
      throw new IllegalArgumentException("end must be finite and > start " + start + ", got " + end);
    }
  }

  @JsonCreator
  static GroundTruthSegment fromJson(
      @JsonProperty("label") String label, @JsonProperty("segment") List<Double> segment) {
    Require.nonNull("segment", segment);
    if (segment.size() != 2 || segment.contains(null)) {
      throw new IllegalArgumentException("segment must be [start, end], got " + segment);
    }
    return new GroundTruthSegment(label, segment.get(0), segment.get(1));
  }

  /** The ActivityNet form of the interval. */
  @JsonProperty("segment")
  public List<Double> segment() {
    return List.of(start, end);
  }
}
