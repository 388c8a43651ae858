package dev.lofi.cli;

import dev.lofi.cli.report.ReportTable;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A progress bar redrawn in place on a terminal's standard error, between permanent lines on
 * standard output. Where standard error is not a terminal (a log file, CI), the bar becomes a
 * line on standard error once a minute, so a long stage still shows it is alive without flooding
 * the log. Once some of the work is done the bar estimates the time left, from the pace since
 * the work began (a new total, or a count that went back, begins new work: the next stage).
 */
final class ProgressLine {

  private static final int WIDTH = 28;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long LOG_NANOS = 60_000_000_000L;

  private final PrintWriter out;
  private final PrintWriter bar;
  private final boolean terminal;
  private final LongSupplier clock;
  private long lastDraw;
  private int lastLength;
  private long workStarted;
  private double workTotal = Double.NaN;
  private double workStartedAt;
  private double workDone;

  ProgressLine(PrintWriter out, PrintWriter bar, boolean terminal) {
    this(out, bar, terminal, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime()} counts them */
  ProgressLine(PrintWriter out, PrintWriter bar, boolean terminal, LongSupplier clock) {
    this.out = out;
    this.bar = bar;
    this.terminal = terminal;
    this.clock = clock;
    // A log hears from a command only after its first minute: short commands stay quiet there.
    this.lastDraw = clock.getAsLong();
  }

  /** Lines on {@code out}, and a bar on {@code err} when the console is a terminal. */
  static ProgressLine forConsole(PrintWriter out, PrintWriter err) {
    return new ProgressLine(out, err, System.console() != null && System.getenv("CI") == null);
  }

  /** Redraws the bar at {@code done / total} with a status text, at most ten times a second. */
  void update(double done, double total, String status) {
    long now = clock.getAsLong();
    if (total != workTotal || done < workDone) {
      // Paced from the first report of the work on: what came before it (a stage's set-up) is not its pace.
      workStarted = now;
      workStartedAt = done;
      workTotal = total;
    }
    workDone = done;
    double fraction = total > 0 ? Math.min(1, done / total) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    String left = done > workStartedAt && fraction < 1
        ? ", about " + ReportTable.duration((now - workStarted) / 1e9 / (done - workStartedAt) * (total - done))
            + " left" : "";
    draw("[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3.0f%% ", fraction * 100) + status
        + left);
  }

  /** Redraws a status text without a bar, for work of unknown length, at most ten times a second. */
  void status(String status) {
    draw(status);
  }

  /** Prints a permanent line, clearing the bar first so they do not mix. */
  void println(String line) {
    clear();
    out.println(line);
    out.flush();
  }

  private void draw(String line) {
    long now = clock.getAsLong();
    if (!terminal) {
      if (now - lastDraw >= LOG_NANOS) {
        lastDraw = now;
        bar.println(line);
        bar.flush();
      }
      return;
    }
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    bar.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    bar.flush();
    lastLength = line.length();
  }

  /** Removes the bar. */
  void clear() {
    if (terminal && lastLength > 0) {
      bar.print("\r" + " ".repeat(lastLength) + "\r");
      bar.flush();
      lastLength = 0;
      lastDraw = 0;
    }
  }
}
