package dev.lofi.trainer.memory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory size given on the command line ({@code --memory-budget 4g}): bytes, or a number with
 * k, m, g or t (binary units, as the JVM's -Xmx reads them).
 */
public record MemoryBudget(long bytes) {

  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?");

  public MemoryBudget {
    if (bytes <= 0) {
      throw new IllegalArgumentException("a memory budget must be positive, got " + bytes + " bytes");
    }
  }

  /** Parses {@code 512m}, {@code 4g}, {@code 1.5G}, {@code 4GiB} or a plain byte count. */
  public static MemoryBudget parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("cannot read memory size '" + text + "': use e.g. 512m, 4g or 1.5g");
    }
    int shift = switch (m.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    return new MemoryBudget((long) (Double.parseDouble(m.group(1)) * (1L << shift)));
  }

  /** Whether {@code needed} bytes fit. */
  public boolean fits(long needed) {
    return needed <= bytes;
  }

  /** A human-readable size, e.g. {@code 3.2 GiB}. */
  public static String format(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  }

  @Override
  public String toString() {
    return format(bytes);
  }
}
