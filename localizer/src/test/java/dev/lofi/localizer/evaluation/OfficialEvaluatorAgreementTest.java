package dev.lofi.localizer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.evaluation.TiouThresholds;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code activitynet-agreement/} (inputs, and the numbers the official evaluator
 * computed for them: see the README there) scored through the files, to 1e-6.
 */
class OfficialEvaluatorAgreementTest {

  private static final double TOLERANCE = 1e-6;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path folder = Path.of(OfficialEvaluatorAgreementTest.class.getResource("/activitynet-agreement").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreHandMadeAndRandomCases() throws Exception {
    List<String> names = cases().map(file -> file.getFileName().toString()).toList();
    assertThat(names).contains("unknown-labels.json", "score-ties.json", "zero-length.json", "unmatched-videos.json");
    assertThat(names.stream().filter(name -> name.startsWith("random-"))).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithTheOfficialEvaluator(Path caseFile, @TempDir Path dir) throws IOException {
    JsonNode fixture = MAPPER.readTree(caseFile.toFile());
    Path gt = dir.resolve("gt.json");
    Path pred = dir.resolve("pred.json");
    MAPPER.writeValue(gt.toFile(), fixture.get("ground_truth"));
    MAPPER.writeValue(pred.toFile(), fixture.get("predictions"));
    JsonNode expected = fixture.get("expected");

    DetectionMetrics metrics = FileEvaluation.run(gt, pred, fixture.get("subset").asText(),
        TiouThresholds.parse(fixture.get("tiou").asText())).metrics();

    assertThat(metrics.tiou().values()).as("thresholds, to the bit").containsExactly(doubles(expected.get("tiou")));
    assertThat(primitive(metrics.mAP())).as("mAP").containsExactly(doubles(expected.get("mAP")), within(TOLERANCE));
    assertThat(metrics.averageMAP()).as("average mAP").isCloseTo(expected.get("average_mAP").asDouble(), within(TOLERANCE));
    List<String> classes = new ArrayList<>();
    expected.get("per_class").fieldNames().forEachRemaining(classes::add);
    assertThat(metrics.apPerClass().keySet()).as("classes, in order").containsExactlyElementsOf(classes);
    for (String label : classes) {
      assertThat(primitive(metrics.apPerClass().get(label))).as("AP of %s", label)
          .containsExactly(doubles(expected.get("per_class").get(label)), within(TOLERANCE));
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static double[] primitive(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
