package dev.lofi.topics.record;

/** The field checks the records' compact constructors share; each message names field and value. */
final class Require {

  private Require() {}

  static <T> T nonNull(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }

  static String nonBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, got " + quoted(value));
    }
    return value;
  }

  static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
    }
    return value;
  }

  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite, got " + value);
    }
    return value;
  }

  static double finiteAtLeast(String field, double value, double min) {
    if (!Double.isFinite(value) || value < min) {
      throw new IllegalArgumentException(field + " must be finite and >= " + min + ", got " + value);
    }
    return value;
  }

  static double positive(String field, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(field + " must be finite and > 0, got " + value);
    }
    return value;
  }

  static double unitInterval(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
    }
    return value;
  }

  static String quoted(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
