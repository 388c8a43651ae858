package dev.lofi.trainer.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Measures the peak resident memory of this process over a stretch of work, native allocations
 * (libtorch's tensors) included: Linux's high-water mark {@code VmHWM}, reset by writing 5 to
 * {@code /proc/self/clear_refs}. Where the files are missing (not Linux) the measurement is empty
 * rather than invented.
 *
 * <p>Two readings. {@link Window#peak()} is the process's peak while the window was open: what a
 * training step's metrics report, true whatever the allocator does. {@link Window#peakAbove()} is
 * the part of it above the size when the window opened: a step's own cost, but only in a process
 * that runs with {@value #MMAP_THRESHOLD_VARIABLE} pinned and mmap allowed (glibc otherwise keeps
 * freed tensors resident, as lofi asks it to with {@code MALLOC_MMAP_MAX_=0} for speed, so a
 * step after bigger ones reads as zero). Pinning makes every large tensor a fresh mmap and a step
 * about 2.5 times slower, so only {@code lofi bench train}'s memory probes, one JVM per fidelity,
 * pay for it.
 */
public final class PeakMemory {

  /** The glibc variable that fixes the mmap threshold, so freed tensors leave the resident size. */
  public static final String MMAP_THRESHOLD_VARIABLE = "MALLOC_MMAP_THRESHOLD_";

  /** The threshold the probes run with: tensors above 64 KiB come from mmap and go back on free. */
  public static final String MMAP_THRESHOLD_BYTES = "65536";

  /**
   * The glibc variables with which the launcher and the tests keep freed memory for reuse
   * (no mmap at all, no trimming): a memory probe must run without them.
   */
  public static final List<String> REUSE_VARIABLES = List.of("MALLOC_MMAP_MAX_", "MALLOC_TRIM_THRESHOLD_");
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private PeakMemory() {}

  /** Whether this platform can measure. */
  public static boolean available() {
    return Files.isReadable(STATUS) && Files.isWritable(CLEAR_REFS);
  }

  /** A stretch of work whose peak is measured from the moment it opens. */
  public record Window(OptionalLong baseline) {

    /** The peak resident size of the process since the window opened. */
    public OptionalLong peak() {
      return peakBytes();
    }

    /** The peak resident size since the window opened, above the resident size when it opened. */
    public OptionalLong peakAbove() {
      OptionalLong peak = peakBytes();
      return baseline.isPresent() && peak.isPresent()
          ? OptionalLong.of(Math.max(0, peak.getAsLong() - baseline.getAsLong())) : OptionalLong.empty();
    }
  }

  /**
   * Resets the high-water mark and opens a window on it. The baseline is the mark right after the
   * reset (the resident size then), so a size that shrank in between cannot make the peak negative.
   */
  public static Window window() {
    reset();
    return new Window(peakBytes());
  }

  /** Resets the high-water mark to the current resident size. */
  public static void reset() {
    if (available()) {
      try {
        Files.writeString(CLEAR_REFS, "5");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reset the peak resident size", e);
      }
    }
  }

  /** The peak resident size in bytes since the last {@link #reset()}. */
  public static OptionalLong peakBytes() {
    return field("VmHWM:");
  }

  /** The current resident size in bytes. */
  public static OptionalLong residentBytes() {
    return field("VmRSS:");
  }

  private static OptionalLong field(String name) {
    if (!available()) {
      return OptionalLong.empty();
    }
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(name)) {
          // "VmHWM:    123456 kB"
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STATUS, e);
    }
  }
}
