package dev.lofi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.cli.report.ConfigurationResult.DoesNotFit;
import dev.lofi.cli.report.ConfigurationResult.Trained;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  static final List<Double> ACTIVITYNET_TIOU = List.of(0.5, 0.55, 0.6, 0.65, 0.7, 0.7500000000000001, 0.8, 0.85, 0.9,
      0.95);
  static final long GIB = 1L << 30;

  /** A configuration run once per given average mAP, every threshold at that value. */
  static Trained trained(String name, double... averages) {
    List<SeedRun> runs = new ArrayList<>();
    for (int seed = 0; seed < averages.length; seed++) {
      double value = averages[seed];
      runs.add(new SeedRun(seed, new MapScores(ACTIVITYNET_TIOU, ACTIVITYNET_TIOU.stream().map(t -> value).toList()),
          (long) (1.2 * GIB), 125));
    }
    return new Trained(name, runs);
  }

  static final DoesNotFit FULL = new DoesNotFit("full fidelity", "does not fit the 1.2 GiB budget: needs about 3.4 GiB",
      (long) (3.4 * GIB));

  @Test
  void consoleColumnsLineUpUnderTheHeader() {
    String console = new ReportTable(List.of(trained("baseline", 0.3359), trained("C-LoFi", 0.3449), FULL)).console();
    List<String> lines = console.lines().toList();
    List<int[]> columns = columns(lines.get(1));

    assertThat(columns).hasSize(7);
    for (String line : List.of(lines.get(0), lines.get(2), lines.get(3))) {
      assertThat(line).hasSameSizeAs(lines.get(1));
      List<String> cells = columns.stream().map(c -> line.substring(c[0], c[1])).toList();
      assertThat(cells.get(0)).as("names are left-aligned").doesNotStartWith(" ");
      cells.subList(1, 7).forEach(cell -> assertThat(cell).as("numbers are right-aligned").doesNotEndWith(" "));
    }
    assertThat(lines.get(0).substring(columns.get(1)[0], columns.get(1)[1]).strip()).isEqualTo("avg mAP");
    assertThat(lines.get(2)).startsWith("baseline ").contains("33.59").contains("1.2 GiB").endsWith("2m 05s");
    assertThat(lines.get(3)).contains("34.49");
  }

  @Test
  void aConfigurationThatDoesNotFitShowsItsReasonAcrossTheMapColumnsAndItsEstimatedMemory() {
    String console = new ReportTable(List.of(trained("baseline", 0.3359), FULL)).console();
    List<String> lines = console.lines().toList();
    List<int[]> columns = columns(lines.get(1));
    String row = lines.get(3);

    assertThat(row.substring(columns.get(1)[0])).startsWith("does not fit the 1.2 GiB budget: needs about 3.4 GiB");
    assertThat(row.substring(columns.get(5)[0], columns.get(5)[1]).strip()).isEqualTo("3.4 GiB");
    assertThat(row.substring(columns.get(6)[0]).strip()).isEqualTo(ReportTable.MISSING);
    assertThat(columns.get(1)[1] - columns.get(1)[0])
        .as("the long reason widens the last mAP column, not the average's")
        .isEqualTo("avg mAP".length());
  }

  @Test
  void aConfigurationWhoseStepsMeasuredNoMemoryShowsADashNotZeroBytes() {
    Trained baseline = new Trained("baseline", List.of(new SeedRun(1, new MapScores(ACTIVITYNET_TIOU,
        ACTIVITYNET_TIOU.stream().map(t -> 0.3).toList()), 0, 45)));
    String row = new ReportTable(List.of(baseline)).console().lines().toList().get(2);

    assertThat(row).doesNotContain("0 B").contains("–");
  }

  @Test
  void overSeedsTheTableGivesMeanAndSampleSpread() {
    String console = new ReportTable(List.of(trained("T-LoFi", 0.34, 0.36))).console();

    // mean 35.00, sample sd of 34 and 36 is sqrt(2) = 1.41
    assertThat(console).contains("35.00 ± 1.41").contains("Over 2 seeds: mean ± sample standard deviation");
  }

  @Test
  void configurationsRunOverDifferentNumbersOfSeedsSayHowMany() {
    String console = new ReportTable(List.of(trained("baseline", 0.34, 0.36, 0.35), trained("S-LoFi", 0.35))).console();

    assertThat(console).contains("Over each configuration's seeds (baseline 3, S-LoFi 1)");
  }

  @Test
  void oneSeedHasNoSpread() {
    String console = new ReportTable(List.of(trained("T-LoFi", 0.345))).console();

    assertThat(console).contains("34.50").doesNotContain("±");
  }

  @Test
  void decimalsFollowTheColumnsSetting() {
    String console = new ReportTable(List.of(trained("T-LoFi", 0.34, 0.36)),
        new ReportTable.Columns(List.of(0.5), 1)).console();

    assertThat(console).contains("35.0 ± 1.4").doesNotContain("mAP@0.75");
  }

  @Test
  void aThresholdThatWasNotEvaluatedShowsADashAndSaysSo() {
    List<Double> thumos = List.of(0.3, 0.4, 0.5, 0.6, 0.7);
    Trained trained = new Trained("baseline",
        List.of(new SeedRun(0, new MapScores(thumos, List.of(0.6, 0.5, 0.4, 0.3, 0.2)), GIB, 8.44)));
    String console = new ReportTable(List.of(trained)).console();
    List<String> lines = console.lines().toList();
    List<int[]> columns = columns(lines.get(1));
    String row = lines.get(2);

    assertThat(row.substring(columns.get(2)[0], columns.get(2)[1]).strip()).as("mAP@0.5").isEqualTo("40.00");
    assertThat(row.substring(columns.get(3)[0], columns.get(3)[1]).strip()).as("mAP@0.75").isEqualTo("–");
    assertThat(row.substring(columns.get(4)[0], columns.get(4)[1]).strip()).as("mAP@0.95").isEqualTo("–");
    assertThat(console)
        .contains("mAP@0.75: –, not among the evaluated tIoU thresholds (0.3, 0.4, …, 0.7).")
        .contains("mAP@0.95: –, not among the evaluated tIoU thresholds")
        .doesNotContain("mAP@0.5: –")
        .contains("avg mAP is the mean over 5 tIoU thresholds");
  }

  @Test
  void configurationsEvaluatedAtDifferentThresholdsCannotShareATable() {
    Trained thumos = new Trained("baseline",
        List.of(new SeedRun(0, new MapScores(List.of(0.3, 0.5), List.of(0.6, 0.5)), GIB, 8)));

    assertThatThrownBy(() -> new ReportTable(List.of(trained("C-LoFi", 0.3), thumos)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different tIoU thresholds");
  }

  @Test
  void markdownIsOneHeaderOneSeparatorAndARowPerConfigurationOfSevenCells() {
    String markdown = new ReportTable(List.of(trained("baseline", 0.33), trained("a|b", 0.34, 0.35), FULL)).markdown();
    List<String> table = markdown.lines().takeWhile(line -> line.startsWith("|")).toList();

    assertThat(table).hasSize(2 + 3);
    assertThat(table.get(1)).matches("\\| :--- (\\| ---: ){6}\\|");
    for (String line : table) {
      assertThat(line.split("(?<!\\\\)\\|", -1)).as(line).hasSize(7 + 2);
    }
    assertThat(table.get(0)).isEqualTo(
        "| configuration | avg mAP | mAP@0.5 | mAP@0.75 | mAP@0.95 | step memory (est.) | train time |");
    assertThat(table.get(3)).startsWith("| a\\|b | 34.50 ± 0.71 |");
    assertThat(table.get(4)).isEqualTo("| full fidelity | does not fit the 1.2 GiB budget: needs about 3.4 GiB "
        + "| – | – | – | 3.4 GiB | – |");
    assertThat(markdown.substring(markdown.indexOf(table.get(4)) + table.get(4).length()))
        .as("notes follow the table as paragraphs").startsWith("\n\nmAP in %");
  }

  @Test
  void trainTimeReadsAsPeopleSayIt() {
    assertThat(ReportTable.duration(8.44)).isEqualTo("8.4s");
    assertThat(ReportTable.duration(42.4)).isEqualTo("42s");
    assertThat(ReportTable.duration(59.6)).isEqualTo("1m 00s");
    assertThat(ReportTable.duration(125)).isEqualTo("2m 05s");
    assertThat(ReportTable.duration(3725)).isEqualTo("1h 02m");
  }

  /** The column spans the rule line marks: runs of ─ between the gaps. */
  private static List<int[]> columns(String rule) {
    List<int[]> columns = new ArrayList<>();
    Matcher run = Pattern.compile("─+").matcher(rule);
    while (run.find()) {
      columns.add(new int[] {run.start(), run.end()});
    }
    assertThat(Arrays.stream(rule.split("─+")).allMatch(gap -> gap.isEmpty() || gap.equals("  "))).isTrue();
    return columns;
  }
}
