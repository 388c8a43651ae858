package dev.lofi.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.lofi.cli.report.ConfigurationResult;
import dev.lofi.cli.report.MapScores;
import dev.lofi.cli.report.SeedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnBenchmarkTest {

  private static final List<Double> TIOU = List.of(0.5, 0.75, 0.95);

  /** A configuration run once per seed, with avg mAP {@code averages[i]} and mAP@0.5 {@code atHalf[i]}. */
  private static ConfigurationResult.Trained trained(DemoConfiguration configuration, double[] averages,
      double[] atHalf) {
    List<SeedRun> runs = new ArrayList<>();
    for (int i = 0; i < averages.length; i++) {
      // Three thresholds whose mean is the average: the first is mAP@0.5, the other two share the rest.
      double rest = (3 * averages[i] - atHalf[i]) / 2;
      runs.add(new SeedRun(i + 1, new MapScores(TIOU, List.of(atHalf[i], rest, rest)), 0, 10));
    }
    return new ConfigurationResult.Trained(configuration.title(), runs);
  }

  private static Demo.Outcome outcome(ConfigurationResult.Trained baseline, ConfigurationResult.Trained lofi) {
    return new Demo.Outcome("", "", Path.of("report.md"), List.of(baseline, lofi), List.of(), Map.of());
  }

  @Test
  void targetsAreMetOnlyWhereCLofiReachesEachOneAndLeadsTheBaselineInEverySeed() {
    var baseline = trained(DemoConfiguration.BASELINE, new double[] {0.40, 0.45, 0.50}, new double[] {0.7, 0.7, 0.7});
    var lofi = trained(DemoConfiguration.C, new double[] {0.50, 0.55, 0.60}, new double[] {0.8, 0.85, 0.9});

    List<LearnBenchmark.Target> targets = LearnBenchmark.targets(outcome(baseline, lofi));

    assertThat(targets).extracting(LearnBenchmark.Target::met).containsExactly(true, true, true, true);
    assertThat(targets.get(0).value()).isCloseTo(0.55, offset(1e-9));
    assertThat(targets.get(3).shown()).isEqualTo("3 of 3 seeds");
  }

  @Test
  void aLeadOnAverageThatOneSeedContradictsIsNotALeadInEverySeed() {
    var baseline = trained(DemoConfiguration.BASELINE, new double[] {0.10, 0.30}, new double[] {0.2, 0.4});
    var lofi = trained(DemoConfiguration.C, new double[] {0.25, 0.28}, new double[] {0.3, 0.4});

    List<LearnBenchmark.Target> targets = LearnBenchmark.targets(outcome(baseline, lofi));

    // Mean lead 6.5 points, yet seed 2 is behind; and 26.5 % avg mAP is far from 50 %.
    assertThat(targets).extracting(LearnBenchmark.Target::met).containsExactly(false, false, true, false);
    assertThat(targets.get(0).shown()).isEqualTo("26.50%");
    assertThat(targets.get(3).shown()).isEqualTo("1 of 2 seeds");
  }
}
