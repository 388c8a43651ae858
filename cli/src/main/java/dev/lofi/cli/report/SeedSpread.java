package dev.lofi.cli.report;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A number measured once per seed: its mean and, over two seeds or more, its sample standard
 * deviation (n - 1), the spread papers report as {@code mean ± sd}.
 */
public record SeedSpread(double mean, OptionalDouble standardDeviation, int seeds) {

  public SeedSpread {
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
    }
    if (standardDeviation.isPresent() != seeds > 1) {
      throw new IllegalArgumentException("a spread needs two seeds or more, got " + seeds + " seed(s) and "
          + standardDeviation);
    }
  }

  /** The mean and spread of {@code values}, one per seed. */
  public static SeedSpread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("need a value for at least one seed");
    }
    int n = values.size();
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n == 1) {
      return new SeedSpread(mean, OptionalDouble.empty(), 1);
    }
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new SeedSpread(mean, OptionalDouble.of(Math.sqrt(squares / (n - 1))), n);
  }
}
