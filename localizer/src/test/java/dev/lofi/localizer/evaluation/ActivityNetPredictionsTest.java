package dev.lofi.localizer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.model.evaluation.Prediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityNetPredictionsTest {

  @TempDir Path dir;

  @Test
  void readsVideosAndPredictionsInFileOrder() throws IOException {
    Path pred = QuotedJson.write(dir.resolve("pred.json"), """
        {'version': 'VERSION 1.3', 'external_data': {'used': false},
         'results': {'z': [{'label': 'run', 'score': 0.5, 'segment': [1, 2], 'extra': 1}, {'label': 'run', 'score': -0.0, 'segment': [3, 3]}],
                     'a': []}}""");

    Map<String, List<Prediction>> predictions = ActivityNetPredictions.read(pred);

    assertThat(predictions.keySet()).containsExactly("z", "a");
    assertThat(predictions.get("z")).containsExactly(new Prediction("run", 1, 2, 0.5), new Prediction("run", 3, 3, -0.0));
    assertThat(predictions.get("a")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'version': 'x'}|pred.json: results: missing",
      "{'results': {'v1': {}}}|pred.json: results.v1: expected an array, got {}",
      "{'results': {'v1': [{'label': 'a', 'score': 1, 'segment': [0, 1]}, 3]}}|pred.json: results.v1[1]: expected an object, got 3",
      "{'results': {'v1': [{'label': 'a', 'segment': [0, 1]}]}}|pred.json: results.v1[0].score: missing",
      "{'results': {'v1': [{'label': 'a', 'score': '0.5', 'segment': [0, 1]}]}}|pred.json: results.v1[0].score: expected a finite number, got \"0.5\"",
      "{'results': {'v1': [{'label': 'a', 'score': 1e999, 'segment': [0, 1]}]}}|results.v1[0].score: expected a finite number",
      "{'results': {'v1': [{'score': 1, 'segment': [0, 1]}]}}|pred.json: results.v1[0].label: missing",
      "{'results': {'v1': [{'label': 'a', 'score': 1, 'segment': [0, 1, 2]}]}}|pred.json: results.v1[0].segment: expected two numbers [start, end], got [0,1,2]",
      "{'results': {'v1': [{'label': 'a', 'score': 1, 'segment': null}]}}|pred.json: results.v1[0].segment: expected two numbers [start, end], got null",
      "{'results': {'v1': [{'label': 'a', 'score': 1, 'segment': [3, 1]}]}}|pred.json: results.v1[0].segment: end 1.0 is before start 3.0",
      "{'results': {'v1': [{'label': 'a', 'score': NaN, 'segment': [0, 1]}]}}|pred.json: not valid JSON"})
  void aMalformedFileIsRefusedNamingTheFileAndTheField(String json, String message) throws IOException {
    Path pred = QuotedJson.write(dir.resolve("pred.json"), json);
    assertThatThrownBy(() -> ActivityNetPredictions.read(pred))
        .isInstanceOf(ActivityNetFileException.class).hasMessageContaining(message);
  }

  @Test
  void whatIsWrittenReadsBackTheSameInTheSameOrder() {
    Map<String, List<Prediction>> predictions = new LinkedHashMap<>();
    predictions.put("v_b", List.of(new Prediction("Long jump", 3.4, 9.1, 0.87), new Prediction("Long jump", 0.1, 1.0 / 3, 1e-9)));
    predictions.put("v_a", List.of());
    Path out = dir.resolve("out.json");

    ActivityNetPredictions.write(out, predictions);

    assertThat(ActivityNetPredictions.read(out)).isEqualTo(predictions);
    assertThat(ActivityNetPredictions.read(out).keySet()).containsExactly("v_b", "v_a");
  }

  @Test
  void theWrittenFileHasTheOfficialEvaluatorsTopLevelFields() throws IOException {
    Path out = dir.resolve("out.json");
    ActivityNetPredictions.write(out, Map.of("v1", List.of(new Prediction("run", 1, 2, 0.5))));

    JsonNode root = new ObjectMapper().readTree(out.toFile());

    assertThat(root.fieldNames()).toIterable().containsExactly("version", "results", "external_data");
    assertThat(root.get("results").get("v1").get(0).toString()).isEqualTo("{\"label\":\"run\",\"score\":0.5,\"segment\":[1.0,2.0]}");
  }

  @Test
  void aBlankVideoIdIsNotWritten() {
    assertThatIllegalArgumentException().isThrownBy(() -> ActivityNetPredictions.write(dir.resolve("out.json"), Map.of(" ", List.of())))
        .withMessage("video id must not be blank, got ' '");
  }
}
