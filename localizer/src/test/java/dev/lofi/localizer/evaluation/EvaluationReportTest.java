package dev.lofi.localizer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.model.evaluation.ActionInstance;
import dev.lofi.model.evaluation.DetectionEvaluation;
import dev.lofi.model.evaluation.Prediction;
import dev.lofi.model.evaluation.TiouThresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

  private static FileEvaluation evaluation() {
    Map<String, List<ActionInstance>> gt = new LinkedHashMap<>();
    gt.put("v1", List.of(new ActionInstance("Long jump", 0, 10), new ActionInstance("run", 20, 30)));
    gt.put("v2", List.of());
    Map<String, List<Prediction>> predictions = Map.of("v1", List.of(new Prediction("Long jump", 0, 10, 0.9),
        new Prediction("run", 20, 26, 0.8), new Prediction("swim", 0, 1, 0.1)));
    return new FileEvaluation("validation", 2, 2, new DetectionEvaluation(gt, TiouThresholds.THUMOS).evaluate(predictions));
  }

  @Test
  void jsonHasExactlyTheFourKeysOfTheContract() throws Exception {
    JsonNode json = new ObjectMapper().readTree(EvaluationReport.json(evaluation()));

    assertThat(json.fieldNames()).toIterable().containsExactly("tiou", "mAP", "average_mAP", "per_class");
    assertThat(json.get("tiou").toString()).isEqualTo("[0.3,0.39999999999999997,0.5,0.6,0.7]");
    // run's [20, 26] has tIoU 0.6 with [20, 30]: a match up to 0.6.
    assertThat(json.get("mAP").toString()).isEqualTo("[1.0,1.0,1.0,1.0,0.5]");
    assertThat(json.get("average_mAP").asDouble()).isEqualTo(0.9);
    assertThat(json.get("per_class").get("run").toString()).isEqualTo("[1.0,1.0,1.0,1.0,0.0]");
    assertThat(json.get("per_class").fieldNames()).toIterable().containsExactly("Long jump", "run");
  }

  @Test
  void theTableShowsMapPerThresholdTheAverageAndAlignedApPerClass() {
    String table = EvaluationReport.text(evaluation());

    assertThat(table).startsWith("subset validation: 2 videos, 2 action instances of 2 classes; 2 predictions scored, tIoU 0.3:0.7:5");
    assertThat(table).contains(
        "tIoU        mAP\n0.30     1.0000\n0.40     1.0000\n0.50     1.0000\n0.60     1.0000\n0.70     0.5000\naverage  0.9000\n");
    assertThat(table).contains(
        "AP per class  average    0.30    0.40    0.50    0.60    0.70\n"
            + "Long jump      1.0000  1.0000  1.0000  1.0000  1.0000  1.0000\n"
            + "run            0.8000  1.0000  1.0000  1.0000  1.0000  0.0000");
    assertThat(table.lines()).noneMatch(line -> line.endsWith(" "));
  }

  @Test
  void predictionsLeftOutForUnknownLabelsAreNamedInAWarning() {
    assertThat(EvaluationReport.warning(evaluation()))
        .hasValue("left out 1 predictions whose label is not a class of subset validation: 'swim' (1)");
  }
}
