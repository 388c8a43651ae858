package dev.lofi.ingest.annotation;

import java.util.Optional;

/**
 * A stretch of media time, such as a THUMOS14 ambiguous region.
 *
 * @param start seconds, finite and at least 0
 * @param end seconds, finite and after {@code start}
 */
public record TimeSpan(double start, double end) {

  public TimeSpan {
    Optional<String> problem = problemWith(start, end);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /**
   * Why {@code [start, end]} is no stretch of media time, or empty if it is one. The readers report
   * this reason for a bad segment instead of throwing, so that one bad entry does not end a file.
   */
  static Optional<String> problemWith(double start, double end) {
    if (!Double.isFinite(start)) {
      return Optional.of("start " + start + " is not finite");
    }
    if (start < 0) {
      return Optional.of("start " + start + " is negative");
    }
    if (!Double.isFinite(end)) {
      return Optional.of("end " + end + " is not finite");
    }
    if (end <= start) {
      return Optional.of("end " + end + " is not after start " + start);
    }
    return Optional.empty();
  }
}
