package dev.lofi.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lofi evaluate}: mAP of predictions against ground truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    header = "mAP of predictions against ground truth (ActivityNet).",
    description = {"Detection mAP per tIoU threshold, average mAP and AP per class, as the official",
        "ActivityNet evaluator computes them."})
final class EvaluateCommand extends PlannedCommand {
  @Option(names = "--gt", paramLabel = "GT.json", required = true, description = "Ground truth (ActivityNet format).")
  Path groundTruth;

  @Option(names = "--pred", paramLabel = "PRED.json", required = true, description = "Predictions (ActivityNet format).")
  Path predictions;

  @Option(names = "--subset", paramLabel = "S", defaultValue = "validation", description = "Subset to evaluate (default: ${DEFAULT-VALUE}).")
  String subset;

  @Option(names = "--tiou", paramLabel = "FROM:TO:N", defaultValue = "0.5:0.95:10",
      description = "tIoU thresholds (default: ${DEFAULT-VALUE}).")
  String tiou;

  @Option(names = "--protocol", paramLabel = "thumos", description = "THUMOS14 thresholds 0.3:0.7:5.")
  String protocol;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  String arrivesWith() {
    return "issue #5 (localizer and evaluation)";
  }
}
