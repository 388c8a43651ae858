package dev.lofi.cli;

import dev.lofi.localizer.evaluation.EvaluationReport;
import dev.lofi.localizer.evaluation.FileEvaluation;
import dev.lofi.model.evaluation.TiouThresholds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code lofi evaluate}: mAP of predictions against ground truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    header = "mAP of predictions against ground truth (ActivityNet).",
    description = {"Detection mAP per tIoU threshold, average mAP and AP per class, as the official",
        "ActivityNet evaluator computes them. A table by default; --json prints",
        "{\"tiou\": [...], \"mAP\": [...], \"average_mAP\": x, \"per_class\": {label: [AP per tIoU]}}."})
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--gt", paramLabel = "GT.json", required = true, description = "Ground truth (ActivityNet format).")
  Path groundTruth;

  @Option(names = "--pred", paramLabel = "PRED.json", required = true, description = "Predictions (ActivityNet format).")
  Path predictions;

  @Option(names = "--subset", paramLabel = "S", defaultValue = "validation", description = "Subset to evaluate (default: ${DEFAULT-VALUE}).")
  String subset;

  @ArgGroup(exclusive = true)
  Thresholds thresholds = new Thresholds();

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  /** Either explicit thresholds or a benchmark's; ActivityNet's when neither is given. */
  static final class Thresholds {
    @Option(names = "--tiou", paramLabel = "FROM:TO:N", converter = Linspace.class,
        description = "tIoU thresholds numpy.linspace(FROM, TO, N) (default: 0.5:0.95:10).")
    TiouThresholds tiou = TiouThresholds.ACTIVITYNET;

    @Option(names = "--protocol", paramLabel = "NAME", converter = Protocol.class,
        description = "A benchmark's thresholds: activitynet (0.5:0.95:10) or thumos (0.3:0.7:5).")
    TiouThresholds protocol;

    TiouThresholds chosen() {
      return protocol != null ? protocol : tiou;
    }
  }

  @Override
  public Integer call() {
    FileEvaluation evaluation = FileEvaluation.run(groundTruth, predictions, subset, thresholds.chosen());
    PrintWriter err = spec.commandLine().getErr();
    EvaluationReport.warning(evaluation).ifPresent(warning -> err.println("lofi evaluate: warning: " + warning));
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? EvaluationReport.json(evaluation) : EvaluationReport.text(evaluation));
    out.flush();
    return 0;
  }

  /** Thresholds from an option's text; a bad one is a usage error naming what is wrong with it. */
  abstract static class ThresholdsOption implements ITypeConverter<TiouThresholds> {
    private final Function<String, TiouThresholds> parse;

    ThresholdsOption(Function<String, TiouThresholds> parse) {
      this.parse = parse;
    }

    @Override
    public TiouThresholds convert(String value) {
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --tiou FROM:TO:N}. */
  static final class Linspace extends ThresholdsOption {
    Linspace() {
      super(TiouThresholds::parse);
    }
  }

  /** {@code --protocol NAME}. */
  static final class Protocol extends ThresholdsOption {
    Protocol() {
      super(TiouThresholds::protocol);
    }
  }
}
