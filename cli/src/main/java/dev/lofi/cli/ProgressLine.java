package dev.lofi.cli;

import java.io.PrintWriter;

/**
 * A progress bar redrawn in place on a terminal's standard error, between permanent lines on
 * standard output. Where standard error is not a terminal (a log file, CI), the bar becomes a
 * line on standard error once a minute, so a long stage still shows it is alive without flooding
 * the log.
 */
final class ProgressLine {

  private static final int WIDTH = 28;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long LOG_NANOS = 60_000_000_000L;

  private final PrintWriter out;
  private final PrintWriter bar;
  private final boolean terminal;
  private long lastDraw;
  private int lastLength;

  ProgressLine(PrintWriter out, PrintWriter bar, boolean terminal) {
    this.out = out;
    this.bar = bar;
    this.terminal = terminal;
    // A log hears from a command only after its first minute: short commands stay quiet there.
    this.lastDraw = System.nanoTime();
  }

  /** Lines on {@code out}, and a bar on {@code err} when the console is a terminal. */
  static ProgressLine forConsole(PrintWriter out, PrintWriter err) {
    return new ProgressLine(out, err, System.console() != null && System.getenv("CI") == null);
  }

  /** Redraws the bar at {@code done / total} with a status text, at most ten times a second. */
  void update(double done, double total, String status) {
    double fraction = total > 0 ? Math.min(1, done / total) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    draw("[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3.0f%% ", fraction * 100) + status);
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
    long now = System.nanoTime();
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
