package dev.lofi.cli;

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
    spec.commandLine().getErr().printf("lofi %s is not available yet: it arrives with %s.%n",
        spec.name(), arrivesWith());
    spec.commandLine().getErr().flush();
    return Lofi.UNAVAILABLE;
  }
}
