package dev.lofi.model.head;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What every head needs ({@code K} classes, feature dim {@code D}) plus kind-specific options as
 * strings, so a config travels as plain JSON in a checkpoint manifest and a command line can set
 * single values. Each kind's factory reads the options it knows, with its own defaults, and
 * rejects any other (see {@link #requireOnly}).
 *
 * @param numClasses {@code K >= 1}
 * @param inputDim {@code D >= 1}, the feature dim of the encoder in front of the head
 * @param options kind-specific, e.g. {@code levels=4}; sorted by name
 */
public record HeadConfig(int numClasses, int inputDim, Map<String, String> options) {

  public HeadConfig {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
    }
    if (inputDim < 1) {
      throw new IllegalArgumentException("inputDim must be >= 1, got " + inputDim);
    }
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** A config without options: every kind-specific value at its default. */
  public static HeadConfig of(int numClasses, int inputDim) {
    return new HeadConfig(numClasses, inputDim, Map.of());
  }

  /** The same config with {@code name} set to {@code value}. */
  public HeadConfig with(String name, Object value) {
    Map<String, String> more = new TreeMap<>(options);
    more.put(name, String.valueOf(value));
    return new HeadConfig(numClasses, inputDim, more);
  }

  /** Integer option {@code name}, or {@code fallback} when unset. */
  public int intOption(String name, int fallback) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("head option " + name + " must be an integer, got '" + value + "'", e);
    }
  }

  /** Real option {@code name}, or {@code fallback} when unset. */
  public double doubleOption(String name, double fallback) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("head option " + name + " must be a number, got '" + value + "'", e);
    }
  }

  /** The option names of both sets: a kind's own and those it shares (decoding's). */
  public static Set<String> union(Set<String> own, Set<String> shared) {
    Set<String> all = new TreeSet<>(own);
    all.addAll(shared);
    return java.util.Collections.unmodifiableSet(all);
  }

  /** Throws, naming them, if any option is not in {@code known}. */
  public void requireOnly(String kind, Set<String> known) {
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s) " + unknown + " for head kind " + kind + "; known: "
          + new TreeSet<>(known));
    }
  }
}
