package dev.lofi.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lofi bench}: the benchmarks, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Benchmark ingest, training, live localization, or what training learns.",
    description = {"Each benchmark is a subcommand; 'lofi bench NAME --help' says what it measures."},
    subcommands = {BenchIngestCommand.class, BenchTrainCommand.class, BenchLocalizeCommand.class,
        BenchLearnCommand.class})
final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a benchmark: ingest, train, localize or learn");
  }
}
