package dev.lofi.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.model.segment.Detection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionEvaluationTest {

  private static final TiouThresholds AT_HALF = TiouThresholds.linspace(0.5, 0.5, 1);

  /** Video id to items, in the order given: {@code "v1", List.of(...), "v2", ...}. */
  @SuppressWarnings("unchecked")
  private static <T> Map<String, List<T>> videos(Object... idsAndLists) {
    Map<String, List<T>> map = new LinkedHashMap<>();
    for (int i = 0; i < idsAndLists.length; i += 2) {
      map.put((String) idsAndLists[i], (List<T>) idsAndLists[i + 1]);
    }
    return map;
  }

  private static ActionInstance truth(String label, double start, double end) {
    return new ActionInstance(label, start, end);
  }

  private static Prediction predicted(String label, double start, double end, double score) {
    return new Prediction(label, start, end, score);
  }

  private static double apAtHalf(Map<String, List<ActionInstance>> gt, Map<String, List<Prediction>> predictions) {
    return new DetectionEvaluation(gt, AT_HALF).evaluate(predictions).averageMAP();
  }

  @Test
  void exactPredictionsScoreOneAtEveryThreshold() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 10), truth("b", 20, 30)), "v2", List.of(truth("a", 5, 9)));
    DetectionMetrics metrics = new DetectionEvaluation(gt, TiouThresholds.ACTIVITYNET).evaluate(videos(
        "v1", List.of(predicted("a", 0, 10, 0.9), predicted("b", 20, 30, 0.8)), "v2", List.of(predicted("a", 5, 9, 0.7))));

    assertThat(metrics.mAP()).hasSize(10).allSatisfy(value -> assertThat(value).isEqualTo(1.0));
    assertThat(metrics.averageMAP()).isEqualTo(1.0);
    assertThat(metrics.apPerClass()).containsOnlyKeys("a", "b");
    assertThat(metrics.predictions()).isEqualTo(3);
    assertThat(metrics.ignoredLabels()).isEmpty();
  }

  @Test
  void aPredictionInAVideoWithoutGroundTruthIsAFalsePositive() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 10)), "v2", List.of(truth("a", 0, 10)));
    // TP, FP (v3 has no ground truth), TP: precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1.
    double ap = apAtHalf(gt, videos("v1", List.of(predicted("a", 0, 10, 0.9)), "v3", List.of(predicted("a", 0, 5, 0.8)),
        "v2", List.of(predicted("a", 0, 10, 0.7))));
    assertThat(ap).isCloseTo(0.5 + 0.5 * 2 / 3, within(1e-12));
  }

  @Test
  void aLabelNotInTheGroundTruthIsLeftOutAndCounted() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 10)));
    DetectionEvaluation evaluation = new DetectionEvaluation(gt, TiouThresholds.ACTIVITYNET);
    DetectionMetrics with = evaluation.evaluate(videos("v1", List.of(predicted("zzz", 0, 10, 0.99),
        predicted("a", 0, 10, 0.5), predicted("zzz", 1, 2, 0.9), predicted("y", 1, 2, 0.9))));
    DetectionMetrics without = evaluation.evaluate(videos("v1", List.of(predicted("a", 0, 10, 0.5))));

    assertThat(with.mAP()).isEqualTo(without.mAP());
    assertThat(with.ignoredLabels()).containsExactly(Map.entry("zzz", 2), Map.entry("y", 1));
    assertThat(with.ignoredPredictions()).isEqualTo(3);
    assertThat(with.predictions()).isEqualTo(1);
  }

  @Test
  void aClassWithoutPredictionsHasApZeroAndStillCountsInTheMean() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 10), truth("b", 20, 30)));
    DetectionMetrics metrics = new DetectionEvaluation(gt, AT_HALF).evaluate(videos("v1", List.of(predicted("a", 0, 10, 1))));

    assertThat(metrics.apPerClass()).containsExactly(Map.entry("a", List.of(1.0)), Map.entry("b", List.of(0.0)));
    assertThat(metrics.mAP()).containsExactly(0.5);
  }

  @Test
  void noPredictionsAtAllScoreZero() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 10)));
    assertThat(apAtHalf(gt, Map.of())).isZero();
  }

  @Test
  void equalScoresRankTheLaterPredictionFirst() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 10)));
    Prediction hit = predicted("a", 0, 10, 0.5);
    Prediction miss = predicted("a", 0, 10, 0.5);

    // The later one ranks first: the miss before the hit gives precision 1/2 at recall 1.
    assertThat(apAtHalf(gt, videos("v1", List.of(hit), "v2", List.of(miss)))).isEqualTo(0.5);
    assertThat(apAtHalf(gt, videos("v2", List.of(miss), "v1", List.of(hit)))).isEqualTo(1.0);
    assertThat(apAtHalf(gt, videos("v1", List.of(hit, predicted("a", 30, 40, 0.5))))).isEqualTo(0.5);
  }

  @Test
  void negativeZeroAndZeroAreEqualScoresAsInNumpy() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 10)));
    // Were 0.0 above -0.0, the hit would rank first and AP would be 1.
    assertThat(apAtHalf(gt, videos("v1", List.of(predicted("a", 0, 10, 0.0), predicted("a", 30, 40, -0.0))))).isEqualTo(0.5);
  }

  @Test
  void equalTiouMatchesTheLaterInstanceFirst() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 4), truth("a", 6, 10)));
    TiouThresholds low = TiouThresholds.linspace(0.2, 0.2, 1);
    // [2, 8] overlaps both by 2 of 8 (tIoU 1/4) and takes the later one, [6, 10]; then [6, 10]
    // finds its own instance taken and the other at tIoU 0: a false positive.
    DetectionMetrics metrics = new DetectionEvaluation(gt, low).evaluate(videos("v1",
        List.of(predicted("a", 2, 8, 0.9), predicted("a", 6, 10, 0.8))));
    assertThat(metrics.averageMAP()).isEqualTo(0.5);
  }

  @Test
  void aPredictionWhoseBestInstanceIsTakenFallsToTheNextAboveTheThreshold() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 0, 10), truth("a", 1, 11)));
    DetectionMetrics metrics = new DetectionEvaluation(gt, TiouThresholds.parse("0.5:0.95:2")).evaluate(videos("v1",
        List.of(predicted("a", 0, 10, 0.9), predicted("a", 0, 10, 0.8))));
    // The second takes [1, 11] at tIoU 9/11: enough at 0.5, not at 0.95.
    assertThat(metrics.mAP()).containsExactly(1.0, 0.5);
    assertThat(metrics.averageMAP()).isEqualTo(0.75);
  }

  @Test
  void twoZeroLengthIntervalsMatchAtEveryThresholdAsTheOfficialEvaluatorDoes() {
    Map<String, List<ActionInstance>> gt = videos("v1", List.of(truth("a", 5, 5), truth("b", 0, 10)));
    DetectionMetrics metrics = new DetectionEvaluation(gt, TiouThresholds.ACTIVITYNET).evaluate(videos("v1",
        List.of(predicted("a", 7, 7, 0.9), predicted("b", 3, 3, 0.9))));

    assertThat(metrics.apPerClass().get("a")).allSatisfy(ap -> assertThat(ap).isEqualTo(1.0));
    assertThat(metrics.apPerClass().get("b")).allSatisfy(ap -> assertThat(ap).isZero());
  }

  @Test
  void groundTruthWithoutInstancesIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new DetectionEvaluation(videos("v1", List.of()), AT_HALF))
        .withMessage("the ground truth has no action instance: no class to evaluate");
  }

  @Test
  void classesAreTheGroundTruthLabelsInTheOrderFirstMet() {
    Map<String, List<ActionInstance>> gt = videos("v2", List.of(truth("b", 0, 1)), "v1", List.of(truth("a", 0, 1), truth("b", 2, 3)));
    assertThat(new DetectionEvaluation(gt, AT_HALF).classes()).containsExactly("b", "a");
  }

  @Test
  void aHeadsDetectionIsNamedFromTheLabelList() {
    assertThat(Prediction.of(new Detection(1, 2, 3, 0.5), List.of("run", "jump"))).isEqualTo(new Prediction("jump", 2, 3, 0.5));
    assertThatIllegalArgumentException().isThrownBy(() -> Prediction.of(new Detection(2, 2, 3, 0.5), List.of("run", "jump")))
        .withMessage("class index 2 is not one of 2 labels");
  }

  @Test
  void reversedOrNonFiniteIntervalsAndBlankLabelsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Prediction("a", 3, 2, 1)).withMessageContaining("start <= end");
    assertThatIllegalArgumentException().isThrownBy(() -> new Prediction("a", 0, 1, Double.NaN)).withMessageContaining("score");
    assertThatIllegalArgumentException().isThrownBy(() -> new ActionInstance(" ", 0, 1)).withMessageContaining("label");
  }
}
