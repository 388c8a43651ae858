package dev.lofi.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command whose interface is fixed (design.md) but whose implementation has not landed: its
 * {@code --help} documents the options, and running it says so plainly instead of faking output.
 */
abstract class PlannedCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Where the implementation comes from, e.g. "issue #3 (ingest)". */
  abstract String arrivesWith();

  @Override
  public final Integer call() {
    return notAvailable(spec.commandLine().getErr(), spec.name(), arrivesWith());
  }

  /** Says that {@code command} has not landed yet and where it comes from; returns the exit code for it. */
  static int notAvailable(PrintWriter err, String command, String arrivesWith) {
    err.printf("lofi %s is not available yet: it arrives with %s.%n", command, arrivesWith);
    err.flush();
    return Lofi.UNAVAILABLE;
  }
}
