package dev.lofi.cli.report;

import dev.lofi.cli.report.ConfigurationResult.DoesNotFit;
import dev.lofi.cli.report.ConfigurationResult.Trained;
import dev.lofi.trainer.memory.MemoryBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The comparison table of {@code lofi demo}, one row per configuration, for the console and as a
 * GitHub Markdown table: average mAP and mAP at chosen tIoU thresholds, in percent as papers give
 * them, then the estimated memory of a training step and training time. A configuration that did not
 * fit shows its reason instead of mAPs, and the memory it would have needed.
 */
public final class ReportTable {

  /** Shown where a number is not there: a threshold not evaluated, a configuration not trained. */
  static final String MISSING = "–";

  private static final String GAP = "  ";
  private static final int LISTED_THRESHOLDS = 4;

  /**
   * What the mAP columns show.
   *
   * @param thresholds a column of mAP at each of these tIoU thresholds, after the average
   * @param decimals decimals of the percentages (papers give 2: 34.49)
   */
  public record Columns(List<Double> thresholds, int decimals) {

    /** mAP@0.5, @0.75 and @0.95, ActivityNet's usual three, with 2 decimals. */
    public static final Columns ACTIVITYNET = new Columns(List.of(0.5, 0.75, 0.95), 2);

    public Columns {
      thresholds = List.copyOf(thresholds);
      if (decimals < 0 || decimals > 4) {
        throw new IllegalArgumentException("decimals must be 0..4, got " + decimals);
      }
    }
  }

  /** One line of the table; a row that did not fit has its reason in the first mAP cell. */
  private record Row(List<String> cells, boolean notTrained) {}

  private final Columns columns;
  private final List<Trained> trained;
  private final List<String> header;
  private final List<Row> rows;

  /** The table of {@code results}, in their order, with ActivityNet's columns. */
  public ReportTable(List<ConfigurationResult> results) {
    this(results, Columns.ACTIVITYNET);
  }

  /** The table of {@code results}, in their order. */
  public ReportTable(List<ConfigurationResult> results, Columns columns) {
    this.columns = columns;
    this.trained = results.stream().filter(Trained.class::isInstance).map(Trained.class::cast).toList();
    requireSameThresholds(trained);
    List<String> names = new ArrayList<>(List.of("configuration", "avg mAP"));
    columns.thresholds().forEach(t -> names.add("mAP@" + threshold(t)));
    names.addAll(List.of("step memory (est.)", "train time"));
    this.header = List.copyOf(names);
    this.rows = results.stream().map(this::row).toList();
  }

  /** The table aligned in columns for a terminal, then its notes. */
  public String console() {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (Row row : rows) {
        if (!row.notTrained() || !isMap(c)) {
          widths[c] = Math.max(widths[c], row.cells().get(c).length());
        }
      }
    }
    // A reason spans the mAP columns; a long one widens the last of them rather than all rows' first.
    int lastMap = 1 + columns.thresholds().size();
    for (Row row : rows) {
      if (row.notTrained()) {
        widths[lastMap] += Math.max(0, row.cells().get(1).length() - spanWidth(widths));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(line(header, widths, false)).append('\n');
    out.append(Arrays.stream(widths).mapToObj("─"::repeat).collect(Collectors.joining(GAP))).append('\n');
    rows.forEach(row -> out.append(line(row.cells(), widths, row.notTrained())).append('\n'));
    List<String> notes = notes();
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(note -> out.append(note).append('\n'));
    }
    return out.toString();
  }

  /** The table as GitHub Markdown, then its notes as paragraphs. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(markdownLine(header)).append('\n');
    // The names left, the numbers right, as in the console.
    out.append(markdownLine(IntStream.range(0, header.size()).mapToObj(c -> c == 0 ? ":---" : "---:").toList()))
        .append('\n');
    rows.forEach(row -> out.append(markdownLine(row.cells())).append('\n'));
    notes().forEach(note -> out.append('\n').append(note).append('\n'));
    return out.toString();
  }

  /** What a reader needs to read the numbers: thresholds averaged, seeds, columns left empty. */
  List<String> notes() {
    if (trained.isEmpty()) {
      return List.of();
    }
    List<Double> tiou = trained.get(0).tiou();
    List<String> notes = new ArrayList<>();
    notes.add("mAP in %; avg mAP is the mean over " + tiou.size() + " tIoU thresholds (" + thresholds(tiou) + ").");
    List<Integer> seeds = trained.stream().map(t -> t.runs().size()).distinct().toList();
    if (seeds.size() > 1) {
      notes.add("Over each configuration's seeds ("
          + trained.stream().map(t -> t.configuration() + " " + t.runs().size()).collect(Collectors.joining(", "))
          + "): mean ± sample standard deviation of mAP, mean train time.");
    } else if (seeds.get(0) > 1) {
      notes.add("Over " + seeds.get(0) + " seeds: mean ± sample standard deviation of mAP, mean train time.");
    }
    for (double t : columns.thresholds()) {
      if (trained.get(0).mapAt(t).isEmpty()) {
        notes.add("mAP@" + threshold(t) + ": " + MISSING + ", not among the evaluated tIoU thresholds ("
            + thresholds(tiou) + ").");
      }
    }
    return notes;
  }

  private Row row(ConfigurationResult result) {
    List<String> cells = new ArrayList<>(List.of(result.configuration()));
    if (result instanceof Trained trained) {
      cells.add(percent(Optional.of(trained.averageMap())));
      columns.thresholds().forEach(t -> cells.add(percent(trained.mapAt(t))));
      // 0: the configuration trains no encoder (the baseline), so no joint step to estimate.
      cells.add(trained.stepBytes() == 0 ? "–" : MemoryBudget.format(trained.stepBytes()));
      cells.add(duration(trained.trainSeconds().mean()));
      return new Row(cells, false);
    }
    DoesNotFit refused = (DoesNotFit) result;
    cells.add(refused.reason());
    columns.thresholds().forEach(t -> cells.add(MISSING));
    cells.add(MemoryBudget.format(refused.stepBytes()));
    cells.add(MISSING);
    return new Row(cells, true);
  }

  private String percent(Optional<SeedSpread> value) {
    if (value.isEmpty()) {
      return MISSING;
    }
    String format = "%." + columns.decimals() + "f";
    SeedSpread spread = value.get();
    String mean = String.format(Locale.ROOT, format, 100 * spread.mean());
    return spread.standardDeviation().isEmpty()
        ? mean
        : mean + " ± " + String.format(Locale.ROOT, format, 100 * spread.standardDeviation().getAsDouble());
  }

  /** Wall time as people read it: {@code 8.4s}, {@code 42s}, {@code 2m 05s}, {@code 1h 03m}. */
  public static String duration(double seconds) {
    if (seconds < 10) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long whole = Math.round(seconds);
    if (whole < 60) {
      return whole + "s";
    }
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
    }
    long minutes = Math.round(seconds / 60);
    return String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
  }

  private boolean isMap(int column) {
    return column >= 1 && column <= 1 + columns.thresholds().size();
  }

  private int spanWidth(int[] widths) {
    int span = 0;
    for (int c = 1; isMap(c); c++) {
      span += widths[c] + (c > 1 ? GAP.length() : 0);
    }
    return span;
  }

  private String line(List<String> cells, int[] widths, boolean spanMaps) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        out.append(GAP);
      }
      if (spanMaps && c == 1) {
        out.append(pad(cells.get(1), spanWidth(widths), true));
        c += columns.thresholds().size();
      } else {
        out.append(pad(cells.get(c), widths[c], c == 0));
      }
    }
    return out.toString().stripTrailing();
  }

  private static String pad(String text, int width, boolean left) {
    String fill = " ".repeat(Math.max(0, width - text.length()));
    return left ? text + fill : fill + text;
  }

  private static String markdownLine(List<String> cells) {
    return cells.stream().map(cell -> cell.replace("|", "\\|"))
        .collect(Collectors.joining(" | ", "| ", " |"));
  }

  private static String thresholds(List<Double> tiou) {
    if (tiou.size() <= LISTED_THRESHOLDS) {
      return tiou.stream().map(ReportTable::threshold).collect(Collectors.joining(", "));
    }
    return threshold(tiou.get(0)) + ", " + threshold(tiou.get(1)) + ", …, " + threshold(tiou.get(tiou.size() - 1));
  }

  /** A threshold as people write it: 0.5, 0.75, not 0.7500000000000001. */
  private static String threshold(double t) {
    return BigDecimal.valueOf(Math.round(t * 1e6) / 1e6).stripTrailingZeros().toPlainString();
  }

  private static void requireSameThresholds(List<Trained> trained) {
    for (Trained t : trained) {
      if (!t.runs().get(0).scores().sameThresholds(trained.get(0).runs().get(0).scores())) {
        throw new IllegalArgumentException("configurations evaluated at different tIoU thresholds cannot share a table: "
            + trained.get(0).configuration() + " at " + trained.get(0).tiou() + ", " + t.configuration() + " at "
            + t.tiou());
      }
    }
  }
}
