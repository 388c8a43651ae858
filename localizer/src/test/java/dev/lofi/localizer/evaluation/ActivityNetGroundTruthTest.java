package dev.lofi.localizer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.evaluation.ActionInstance;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityNetGroundTruthTest {

  @TempDir Path dir;

  @Test
  void readsTheChosenSubsetInFileOrderWithEmptyVideosAndZeroLengthSegments() throws IOException {
    Path gt = QuotedJson.write(dir.resolve("gt.json"), """
        {'database': {
          'b': {'subset': 'validation', 'duration': 20, 'annotations': [{'label': 'run', 'segment': [1, 2.5]}, {'label': 'jump', 'segment': [4, 4]}]},
          't': {'subset': 'training', 'annotations': [{'label': 'swim', 'segment': 'not read'}]},
          'n': {'subset': null},
          'a': {'subset': 'validation', 'annotations': []}}}""");

    ActivityNetGroundTruth truth = ActivityNetGroundTruth.read(gt, "validation");

    assertThat(truth.videos()).containsOnlyKeys("b", "a");
    assertThat(truth.videos().keySet()).containsExactly("b", "a");
    assertThat(truth.videos().get("b")).containsExactly(new ActionInstance("run", 1, 2.5), new ActionInstance("jump", 4, 4));
    assertThat(truth.instanceCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'version': 1}|gt.json: database: missing",
      "[1, 2]|gt.json: the top level must be an object, got [1,2]",
      "{'database': []}|gt.json: database: expected an object, got []",
      "{'database': {'v1': {'annotations': []}}}|gt.json: database.v1.subset: missing",
      "{'database': {'v1': {'subset': 3}}}|gt.json: database.v1.subset: expected a string, got 3",
      "{'database': {'v1': {'subset': 'validation'}}}|gt.json: database.v1.annotations: missing",
      "{'database': {'v1': {'subset': 'validation', 'annotations': {}}}}|database.v1.annotations: expected an array, got {}",
      "{'database': {'v1': {'subset': 'validation', 'annotations': [{'segment': [1, 2]}]}}}|database.v1.annotations[0].label: missing",
      "{'database': {'v1': {'subset': 'validation', 'annotations': [{'label': 7, 'segment': [1, 2]}]}}}|annotations[0].label: expected a string, got 7",
      "{'database': {'v1': {'subset': 'validation', 'annotations': [{'label': ' ', 'segment': [1, 2]}]}}}|annotations[0].label: expected a label, got a blank string",
      "{'database': {'v1': {'subset': 'validation', 'annotations': [{'label': 'a', 'segment': [1]}]}}}|annotations[0].segment: expected two numbers [start, end], got [1]",
      "{'database': {'v1': {'subset': 'validation', 'annotations': [{'label': 'a', 'segment': ['1', 2]}]}}}|annotations[0].segment: expected two numbers [start, end], got [\"1\",2]",
      "{'database': {'v1': {'subset': 'validation', 'annotations': [{'label': 'a', 'segment': [5, 2]}]}}}|database.v1.annotations[0].segment: end 2.0 is before start 5.0",
      "{'database': {'v.1': {'subset': 'validation', 'annotations': [{'label': 'a'}]}}}|database[\"v.1\"].annotations[0].segment: missing",
      "{'database': {'v1': {'subset': 'training'}, 'v2': {'subset': 'testing'}}}|gt.json: database: no annotated video in subset 'validation'; the file's subsets: training, testing",
      "{'database': {'v1': {'subset': 'validation'}, 'v1': {'subset': 'validation'}}}|gt.json: not valid JSON: Duplicate field 'v1'",
      "{'database': {}} x|gt.json: not valid JSON"})
  void aMalformedFileIsRefusedNamingTheFileAndTheField(String json, String message) throws IOException {
    Path gt = QuotedJson.write(dir.resolve("gt.json"), json);
    assertThatThrownBy(() -> ActivityNetGroundTruth.read(gt, "validation"))
        .isInstanceOf(ActivityNetFileException.class).hasMessageContaining(message);
  }

  @Test
  void aMissingFileIsRefusedByName() {
    Path missing = dir.resolve("none.json");
    assertThatThrownBy(() -> ActivityNetGroundTruth.read(missing, "validation"))
        .isInstanceOf(ActivityNetFileException.class).hasMessage(missing + ": no such file");
  }
}
