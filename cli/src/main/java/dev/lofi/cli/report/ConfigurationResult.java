package dev.lofi.cli.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of one configuration of the comparison (baseline, S, T, ST, C-LoFi, full-fidelity
 * joint training): trained and evaluated over one seed or more, or refused before training.
 */
public sealed interface ConfigurationResult {

  /** The configuration's name as the table shows it. */
  String configuration();

  /** The estimated memory of the configuration's joint training step, trained or refused. */
  long stepBytes();

  /** Trained and evaluated once per seed; every seed evaluated at the same thresholds. */
  record Trained(String configuration, List<SeedRun> runs) implements ConfigurationResult {

    public Trained {
      requireName(configuration);
      runs = List.copyOf(runs);
      if (runs.isEmpty()) {
        throw new IllegalArgumentException(configuration + ": need at least one seed's run");
      }
      MapScores first = runs.get(0).scores();
      for (SeedRun run : runs) {
        if (!run.scores().sameThresholds(first)) {
          throw new IllegalArgumentException(configuration + ": seed " + run.seed() + " was evaluated at tIoU "
              + run.scores().tiou() + ", seed " + runs.get(0).seed() + " at " + first.tiou());
        }
      }
    }

    /** Average mAP over the thresholds, over seeds. */
    public SeedSpread averageMap() {
      return SeedSpread.of(runs.stream().map(run -> run.scores().average()).toList());
    }

    /** mAP at {@code threshold} over seeds, or empty where it was not evaluated. */
    public Optional<SeedSpread> mapAt(double threshold) {
      List<OptionalDouble> perSeed = runs.stream().map(run -> run.scores().at(threshold)).toList();
      if (perSeed.get(0).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(SeedSpread.of(perSeed.stream().map(OptionalDouble::getAsDouble).toList()));
    }

    /** The thresholds every seed was evaluated at. */
    public List<Double> tiou() {
      return runs.get(0).scores().tiou();
    }

    /** The highest of any seed's: what the configuration needs to be sure to fit. */
    @Override
    public long stepBytes() {
      return runs.stream().mapToLong(SeedRun::stepBytes).max().orElseThrow();
    }

    /** Training wall time over seeds. */
    public SeedSpread trainSeconds() {
      return SeedSpread.of(runs.stream().map(SeedRun::trainSeconds).toList());
    }
  }

  /**
   * Not trained, because it would not fit: e.g. full-fidelity joint training over the memory budget
   * the LoFi configurations fit in.
   *
   * @param reason why, in words, e.g. "does not fit the 1.2 GiB budget: needs about 3.4 GiB"
   * @param stepBytes the estimated memory of a training step
   */
  record DoesNotFit(String configuration, String reason, long stepBytes) implements ConfigurationResult {

    public DoesNotFit {
      requireName(configuration);
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException(configuration + ": a configuration left out needs a reason");
      }
      if (stepBytes < 0) {
        throw new IllegalArgumentException(configuration + ": estimated step memory must be >= 0, got " + stepBytes);
      }
    }
  }

  private static void requireName(String configuration) {
    if (configuration == null || configuration.isBlank()) {
      throw new IllegalArgumentException("a configuration needs a name, got '" + configuration + "'");
    }
  }
}
