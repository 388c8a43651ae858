package dev.lofi.trainer.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the peak resident memory of this process over a stretch of work, native allocations
 * (libtorch's tensors) included: Linux's high-water mark {@code VmHWM}, reset by writing 5 to
 * {@code /proc/self/clear_refs}. On a CPU this is what a training step costs; where the files are
 * missing (not Linux) the measurement is empty rather than invented.
 *
 * <p>The mark only rises when a step's tensors take memory the process does not hold already. glibc
 * raises its mmap threshold each time it frees an mmapped chunk, and keeps later tensors' freed memory
 * resident, so a step that follows bigger ones can read as zero. {@value #MMAP_THRESHOLD_VARIABLE} pins
 * the threshold: {@code ./lofi}, the test JVMs and {@code lofi bench train}'s probes set it, and a
 * process without it is warned once.
 */
public final class PeakMemory {

  /** The glibc variable that fixes the mmap threshold, so freed tensors leave the resident size. */
  public static final String MMAP_THRESHOLD_VARIABLE = "MALLOC_MMAP_THRESHOLD_";

  /** The threshold lofi runs with: tensors above 64 KiB come from mmap and go back on free. */
  public static final String MMAP_THRESHOLD_BYTES = "65536";

  private static final Logger LOG = LoggerFactory.getLogger(PeakMemory.class);
  /** Read once: the environment of a running process does not change. */
  private static final boolean THRESHOLD_PINNED = System.getenv(MMAP_THRESHOLD_VARIABLE) != null;
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private PeakMemory() {}

  /** Whether this platform can measure. */
  public static boolean available() {
    return Files.isReadable(STATUS) && Files.isWritable(CLEAR_REFS);
  }

  /** A stretch of work whose peak is measured from the moment it opens. */
  public record Window(OptionalLong baseline) {

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
    if (!THRESHOLD_PINNED && available() && WARNED.compareAndSet(false, true)) {
      LOG.warn("{} is not set: glibc keeps freed tensors resident, so a training step's peak memory may read "
          + "lower than it costs (./lofi sets it to {})", MMAP_THRESHOLD_VARIABLE, MMAP_THRESHOLD_BYTES);
    }
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
