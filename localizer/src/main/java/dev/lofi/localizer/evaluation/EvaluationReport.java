package dev.lofi.localizer.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lofi.model.evaluation.DetectionMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link FileEvaluation} as design.md's JSON or as a readable table, and the warning about
 * predictions left out.
 */
public final class EvaluationReport {

  private static final int SHOWN_LABELS = 5;

  private EvaluationReport() {}

  /**
   * {@code {"tiou": [...], "mAP": [...], "average_mAP": x, "per_class": {label: [AP per threshold]}}}:
   * fractions in {@code [0, 1]}, every list in the order of {@code tiou}, classes in the order the
   * ground truth first names them.
   */
  public static String json(FileEvaluation evaluation) {
    DetectionMetrics metrics = evaluation.metrics();
    ObjectNode root = JsonField.MAPPER.createObjectNode();
    numbers(root.putArray("tiou"), metrics.tiou().values());
    numbers(root.putArray("mAP"), metrics.mAP());
    root.put("average_mAP", metrics.averageMAP());
    ObjectNode perClass = root.putObject("per_class");
    metrics.apPerClass().forEach((label, ap) -> numbers(perClass.putArray(label), ap));
    try {
      return JsonField.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What was evaluated, mAP per threshold and the average, then AP per class and threshold. */
  public static String text(FileEvaluation evaluation) {
    DetectionMetrics metrics = evaluation.metrics();
    List<String> thresholds = Arrays.stream(metrics.tiou().values()).mapToObj(EvaluationReport::threshold).toList();
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "subset %s: %d videos, %d action instances of %d classes; %d predictions scored, tIoU %s%n%n",
        evaluation.subset(), evaluation.videos(), evaluation.instances(), metrics.apPerClass().size(),
        metrics.predictions(), metrics.tiou()));
    text.append(String.format(Locale.ROOT, "%-7s  %6s%n", "tIoU", "mAP"));
    for (int t = 0; t < thresholds.size(); t++) {
      text.append(String.format(Locale.ROOT, "%-7s  %6.4f%n", thresholds.get(t), metrics.mAP().get(t)));
    }
    text.append(String.format(Locale.ROOT, "%-7s  %6.4f%n%n", "average", metrics.averageMAP()));

    String perClass = "AP per class";
    int width = Math.max(perClass.length(), metrics.apPerClass().keySet().stream().mapToInt(String::length).max().orElse(0));
    text.append(String.format(Locale.ROOT, "%-" + width + "s  %7s", perClass, "average"));
    thresholds.forEach(t -> text.append(String.format(Locale.ROOT, "  %6s", t)));
    text.append(System.lineSeparator());
    metrics.apPerClass().forEach((label, ap) -> {
      double average = ap.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      text.append(String.format(Locale.ROOT, "%-" + width + "s  %7.4f", label, average));
      ap.forEach(value -> text.append(String.format(Locale.ROOT, "  %6.4f", value)));
      text.append(System.lineSeparator());
    });
    return text.toString().stripTrailing();
  }

  /** Says which predictions were left out for labels the ground truth does not have, if any. */
  public static Optional<String> warning(FileEvaluation evaluation) {
    Map<String, Integer> ignored = evaluation.metrics().ignoredLabels();
    if (ignored.isEmpty()) {
      return Optional.empty();
    }
    String shown = ignored.entrySet().stream().limit(SHOWN_LABELS)
        .map(entry -> "'" + entry.getKey() + "' (" + entry.getValue() + ")").collect(Collectors.joining(", "));
    String more = ignored.size() > SHOWN_LABELS ? " and " + (ignored.size() - SHOWN_LABELS) + " more labels" : "";
    return Optional.of(String.format(Locale.ROOT,
        "left out %d predictions whose label is not a class of subset %s: %s%s",
        evaluation.metrics().ignoredPredictions(), evaluation.subset(), shown, more));
  }

  private static void numbers(ArrayNode array, double[] values) {
    for (double value : values) {
      array.add(value);
    }
  }

  private static void numbers(ArrayNode array, List<Double> values) {
    values.forEach(array::add);
  }

  /** A threshold as short as it reads exactly enough: 0.8999999999999999 as 0.90, 0.125 as 0.125. */
  private static String threshold(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 2 ? rounded.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : rounded.toPlainString();
  }
}
