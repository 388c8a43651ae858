package dev.lofi.model.evaluation;

import java.util.Arrays;
import java.util.Locale;

/**
 * The temporal IoU thresholds at which detections are matched, as {@code numpy.linspace(FROM, TO,
 * N)} computes them. The values are reproduced to the bit (0.9 of the ActivityNet set is {@code
 * 0.8999999999999999}), because a tIoU is compared with {@code >=} and a prediction whose tIoU is
 * exactly 0.9 matches at one value and not at the other.
 */
public final class TiouThresholds {

  /** ActivityNet-1.3's thresholds, {@code 0.5:0.95:10}. */
  public static final TiouThresholds ACTIVITYNET = linspace(0.5, 0.95, 10);
  /** THUMOS14's thresholds, {@code 0.3:0.7:5}. */
  public static final TiouThresholds THUMOS = linspace(0.3, 0.7, 5);

  private static final String FORM = "FROM:TO:N, e.g. 0.5:0.95:10";

  private final double[] values;
  private final String spec;

  private TiouThresholds(double[] values, String spec) {
    this.values = values;
    this.spec = spec;
  }

  /**
   * {@code n} thresholds from {@code from} to {@code to}, both included.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to <= 1} and {@code n >= 1}, and
   *     {@code from == to} when {@code n == 1} (numpy would drop {@code to} silently)
   */
  public static TiouThresholds linspace(double from, double to, int n) {
    String spec = format(from) + ":" + format(to) + ":" + n;
    if (!(0 <= from && from <= to && to <= 1)) {
      throw new IllegalArgumentException("tIoU thresholds " + spec + ": need 0 <= FROM <= TO <= 1");
    }
    if (n < 1) {
      throw new IllegalArgumentException("tIoU thresholds " + spec + ": need N >= 1");
    }
    if (n == 1 && from != to) {
      throw new IllegalArgumentException("tIoU thresholds " + spec + ": one threshold needs FROM == TO");
    }
    return new TiouThresholds(numpyLinspace(from, to, n), spec);
  }

  /**
   * Parses {@code FROM:TO:N}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static TiouThresholds parse(String text) {
    String[] parts = text.trim().split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("tIoU thresholds '" + text + "': expected " + FORM);
    }
    double from = number(text, "FROM", parts[0]);
    double to = number(text, "TO", parts[1]);
    int n;
    try {
      n = Integer.parseInt(parts[2].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tIoU thresholds '" + text + "': N '" + parts[2] + "' is not a whole number; expected " + FORM, e);
    }
    return linspace(from, to, n);
  }

  /**
   * The thresholds of a benchmark's protocol: {@code activitynet} or {@code thumos}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static TiouThresholds protocol(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "activitynet" -> ACTIVITYNET;
      case "thumos" -> THUMOS;
      default -> throw new IllegalArgumentException("unknown protocol '" + name + "': expected activitynet or thumos");
    };
  }

  /** How many thresholds. */
  public int size() {
    return values.length;
  }

  /** The {@code i}-th threshold, ascending. */
  public double get(int i) {
    return values[i];
  }

  /** A copy of the thresholds, ascending. */
  public double[] values() {
    return values.clone();
  }

  /** {@code FROM:TO:N}. */
  @Override
  public String toString() {
    return spec;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TiouThresholds that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  // numpy 1.x/2.x linspace with endpoint: i * step + start, then the last value set to stop. The
  // order of the operations is what makes the values equal to numpy's to the bit.
  private static double[] numpyLinspace(double start, double stop, int num) {
    double[] out = new double[num];
    if (num == 1) {
      out[0] = start;
      return out;
    }
    int div = num - 1;
    double delta = stop - start;
    double step = delta / div;
    for (int i = 0; i < num; i++) {
      out[i] = step == 0 ? (double) i / div * delta + start : i * step + start;
    }
    out[num - 1] = stop;
    return out;
  }

  private static double number(String text, String name, String part) {
    try {
      double value = Double.parseDouble(part.trim());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the same message as a non-finite value
    }
    throw new IllegalArgumentException("tIoU thresholds '" + text + "': " + name + " '" + part + "' is not a number; expected " + FORM);
  }

  private static String format(double value) {
    String text = Double.toString(value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
