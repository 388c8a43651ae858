package dev.lofi.model.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detection quality of a set of predictions against ground truth, as the ActivityNet evaluator
 * reports it.
 *
 * @param tiou the thresholds; every list below has one value per threshold, in this order
 * @param mAP mean over the ground truth's classes of the AP at each threshold
 * @param averageMAP mean of {@code mAP} over the thresholds: ActivityNet's headline number
 * @param apPerClass AP at each threshold per class, in the order the ground truth first names the
 *     classes
 * @param predictions how many predictions were scored (their label is a ground-truth class)
 * @param ignoredLabels labels that are not ground-truth classes, with how many predictions carried
 *     each, in the order first met; those predictions were left out
 */
public record DetectionMetrics(TiouThresholds tiou, List<Double> mAP, double averageMAP,
    Map<String, List<Double>> apPerClass, int predictions, Map<String, Integer> ignoredLabels) {

  public DetectionMetrics {
    mAP = List.copyOf(mAP);
    // Map.copyOf would lose the order, which the reports keep.
    Map<String, List<Double>> classes = new LinkedHashMap<>();
    apPerClass.forEach((label, ap) -> classes.put(label, List.copyOf(ap)));
    apPerClass = Collections.unmodifiableMap(classes);
    ignoredLabels = Collections.unmodifiableMap(new LinkedHashMap<>(ignoredLabels));
    if (mAP.size() != tiou.size()) {
      throw new IllegalArgumentException(mAP.size() + " mAP values for " + tiou.size() + " thresholds");
    }
    apPerClass.forEach((label, ap) -> {
      if (ap.size() != tiou.size()) {
        throw new IllegalArgumentException(ap.size() + " AP values of '" + label + "' for " + tiou.size() + " thresholds");
      }
    });
  }

  /** How many predictions were left out because their label is not a ground-truth class. */
  public int ignoredPredictions() {
    return ignoredLabels.values().stream().mapToInt(Integer::intValue).sum();
  }
}
