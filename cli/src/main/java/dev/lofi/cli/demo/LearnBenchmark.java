package dev.lofi.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lofi.cli.report.ChanceLevel;
import dev.lofi.cli.report.ConfigurationResult;
import dev.lofi.cli.report.MapScores;
import dev.lofi.cli.report.SeedRun;
import dev.lofi.cli.report.SeedSpread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code lofi bench learn}: what {@code lofi train}'s defaults learn where only motion tells the
 * classes apart. A {@link DemoSettings#LEARN} run (motion-only SynthTAL without trimmed clips, so
 * pre-training cuts the training videos' segments; baseline and C-LoFi per seed; validation videos
 * for the stages' own validation; a test split of its own seed streamed through the live
 * localizer), scored against chance and against the targets the product aims at.
 */
public final class LearnBenchmark {

  /**
   * One target of the benchmark and where the run stands.
   *
   * @param name what is asked, in words
   * @param value what the run reached: a fraction of 1, or a count of seeds
   * @param shown {@code value} as the console prints it
   * @param met whether it reached it
   */
  public record Target(String name, double value, String shown, boolean met) {

    private static Target fraction(String name, double value, boolean met) {
      return new Target(name, value, String.format(Locale.ROOT, "%.2f%%", 100 * value), met);
    }
  }

  /**
   * A finished benchmark.
   *
   * @param outcome the run, as the demo reports one
   * @param settings what it ran
   * @param targets each target, met or not
   */
  public record Result(Demo.Outcome outcome, DemoSettings settings, List<Target> targets) {

    /** How many test videos it scored. */
    public int heldOutVideos() {
      return settings.data().testVideos();
    }

    /** Whether every target was met. */
    public boolean targetsMet() {
      return targets.stream().allMatch(Target::met);
    }
  }

  /** Seeds a run trains each configuration with, so that a gap can be read against a spread. */
  public static final int DEFAULT_SEEDS = 3;

  /** C-LoFi's mean avg mAP@[0.5:0.95] on the test videos must reach this. */
  static final double AVERAGE_MAP_TARGET = 0.50;
  /** C-LoFi's mean mAP@0.5 must reach this. */
  static final double MAP_AT_HALF_TARGET = 0.80;
  /** C-LoFi's lead over the frozen-encoder baseline, in avg mAP, must reach this. */
  static final double LEAD_TARGET = 0.02;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LearnBenchmark() {}

  /** Runs {@code settings} on {@code bootstrap}, its report and data under {@code reportDir}. */
  public static Result run(String bootstrap, DemoSettings settings, Path reportDir, Demo.Progress progress)
      throws IOException, InterruptedException {
    Demo.Outcome outcome = new Demo(bootstrap, settings, reportDir, progress).run();
    return new Result(outcome, settings, targets(outcome));
  }

  /** The targets, judged on {@code outcome}'s baseline and C-LoFi rows. */
  static List<Target> targets(Demo.Outcome outcome) {
    List<SeedRun> lofi = runs(outcome, DemoConfiguration.C);
    List<SeedRun> baseline = runs(outcome, DemoConfiguration.BASELINE);
    double average = mean(lofi, MapScores::average);
    double atHalf = mean(lofi, s -> s.at(0.5).orElseThrow());
    double lead = average - mean(baseline, MapScores::average);
    int ahead = 0;
    for (int i = 0; i < lofi.size(); i++) {
      ahead += lofi.get(i).scores().average() > baseline.get(i).scores().average() ? 1 : 0;
    }
    return List.of(
        Target.fraction(String.format(Locale.ROOT, "C-LoFi avg mAP >= %.0f%%", 100 * AVERAGE_MAP_TARGET), average,
            average >= AVERAGE_MAP_TARGET),
        Target.fraction(String.format(Locale.ROOT, "C-LoFi mAP@0.5 >= %.0f%%", 100 * MAP_AT_HALF_TARGET), atHalf,
            atHalf >= MAP_AT_HALF_TARGET),
        Target.fraction(String.format(Locale.ROOT, "C-LoFi above the baseline by >= %.0f points of avg mAP",
            100 * LEAD_TARGET), lead, lead >= LEAD_TARGET),
        new Target("C-LoFi above the baseline in every seed", ahead, ahead + " of " + lofi.size() + " seeds",
            ahead == lofi.size()));
  }

  /** The run as the console shows it: the demo's table and findings, then each target. */
  public static String text(Result result) {
    StringBuilder text = new StringBuilder(result.outcome().table()).append('\n')
        .append(result.outcome().findings()).append("\n\n");
    for (Target target : result.targets()) {
      text.append(String.format(Locale.ROOT, "%-7s %s: %s%n", target.met() ? "met" : "not met", target.name(),
          target.shown()));
    }
    return text.append("report: ").append(result.outcome().report()).toString();
  }

  /** The run as one JSON object: per configuration each seed's scores and their spread, chance, times, targets. */
  public static String json(Result result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", "learn");
    root.put("settings", result.settings().toMap());
    root.put("held_out_videos", result.heldOutVideos());
    List<Map<String, Object>> configurations = new ArrayList<>();
    for (ConfigurationResult configuration : result.outcome().results()) {
      if (configuration instanceof ConfigurationResult.Trained trained) {
        configurations.add(configuration(trained));
      }
    }
    root.put("configurations", configurations);
    ChanceLevel level = ChanceLevel.of(result.outcome().chance());
    Map<String, Object> chance = new LinkedHashMap<>();
    chance.put("draws", level.draws());
    chance.put("avg_map_mean", level.averageMean());
    chance.put("avg_map_max", level.averageMax());
    chance.put("map_at_0.5_mean", level.atHalfMean());
    root.put("chance", chance);
    root.put("stage_seconds", result.outcome().stageSeconds());
    List<Map<String, Object>> targets = new ArrayList<>();
    for (Target target : result.targets()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("target", target.name());
      entry.put("value", target.value());
      entry.put("met", target.met());
      targets.add(entry);
    }
    root.put("targets", targets);
    root.put("targets_met", result.targetsMet());
    root.put("report", result.outcome().report().toString());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(new IOException("cannot write the benchmark's JSON", e));
    }
  }

  private static Map<String, Object> configuration(ConfigurationResult.Trained trained) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", trained.configuration());
    entry.put("seeds", trained.runs().stream().map(SeedRun::seed).toList());
    entry.put("avg_map", trained.runs().stream().map(r -> r.scores().average()).toList());
    entry.put("map_at_0.5", trained.runs().stream().map(r -> r.scores().at(0.5).orElseThrow()).toList());
    SeedSpread average = trained.averageMap();
    entry.put("avg_map_mean", average.mean());
    entry.put("avg_map_sd", average.standardDeviation().isPresent() ? average.standardDeviation().getAsDouble() : null);
    SeedSpread atHalf = trained.mapAt(0.5).orElseThrow();
    entry.put("map_at_0.5_mean", atHalf.mean());
    entry.put("map_at_0.5_sd", atHalf.standardDeviation().isPresent() ? atHalf.standardDeviation().getAsDouble() : null);
    entry.put("train_seconds", trained.runs().stream().map(SeedRun::trainSeconds).toList());
    return entry;
  }

  private static List<SeedRun> runs(Demo.Outcome outcome, DemoConfiguration configuration) {
    return outcome.results().stream().filter(r -> r.configuration().equals(configuration.title()))
        .filter(ConfigurationResult.Trained.class::isInstance).map(r -> ((ConfigurationResult.Trained) r).runs())
        .findFirst().orElseThrow(() -> new IllegalStateException(configuration.title() + " was not trained"));
  }

  private static double mean(List<SeedRun> runs, ToDoubleFunction<MapScores> score) {
    return runs.stream().mapToDouble(r -> score.applyAsDouble(r.scores())).average().orElseThrow();
  }
}
