package dev.lofi.cli;

import static dev.lofi.cli.LofiCommandTest.lofi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.cli.LofiCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

  @TempDir Path dir;
  Path gt;
  Path pred;

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json.replace('\'', '"'));
  }

  @BeforeEach
  void files() throws IOException {
    gt = write("gt.json", """
        {'database': {
          'v1': {'subset': 'validation', 'annotations': [{'label': 'jump', 'segment': [0, 10]}, {'label': 'run', 'segment': [20, 30]}]},
          't1': {'subset': 'training', 'annotations': [{'label': 'swim', 'segment': [0, 10]}]}}}""");
    pred = write("pred.json", """
        {'version': 'VERSION 1.3', 'external_data': {},
         'results': {'v1': [{'label': 'jump', 'score': 0.9, 'segment': [0, 10]}, {'label': 'run', 'score': 0.8, 'segment': [20, 26]}]}}""");
  }

  @Test
  void printsMapPerThresholdTheAverageAndApPerClassAsATable() {
    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", pred.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("subset validation: 1 videos, 2 action instances of 2 classes; 2 predictions scored, tIoU 0.5:0.95:10")
        .contains("0.60     1.0000").contains("0.65     0.5000").contains("average  0.6500")
        .contains("AP per class  average    0.50    0.55").contains("run            0.3000  1.0000");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonHasTheContractsFourKeys() throws IOException {
    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", pred.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.fieldNames()).toIterable().containsExactly("tiou", "mAP", "average_mAP", "per_class");
    assertThat(json.get("tiou")).hasSize(10);
    assertThat(json.get("average_mAP").asDouble()).isEqualTo(0.65);
    assertThat(json.get("per_class").get("jump")).hasSize(10).allMatch(ap -> ap.asDouble() == 1.0);
  }

  @Test
  void thumosProtocolUsesItsFiveThresholds() throws IOException {
    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", pred.toString(), "--protocol", "thumos", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("tiou").toString()).isEqualTo("[0.3,0.39999999999999997,0.5,0.6,0.7]");
    assertThat(json.get("mAP").toString()).isEqualTo("[1.0,1.0,1.0,1.0,0.5]");
  }

  @Test
  void tiouSetsTheThresholds() throws IOException {
    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", pred.toString(), "--tiou", "0.7:0.7:1", "--json");

    assertThat(new ObjectMapper().readTree(run.out()).get("mAP").toString()).isEqualTo("[0.5]");
  }

  @Test
  void theSubsetOptionChoosesTheGroundTruth() throws IOException {
    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", pred.toString(), "--subset", "training", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).get("per_class").fieldNames()).toIterable().containsExactly("swim");
    assertThat(run.err()).contains("lofi evaluate: warning: left out 2 predictions whose label is not a class of subset training: 'jump' (1), 'run' (1)");
  }

  @Test
  void aMalformedFileFailsWithExitOneNamingTheFileAndTheField() throws IOException {
    Path bad = write("bad.json", "{'results': {'v1': [{'label': 'jump', 'score': 0.9, 'segment': [0, 'ten']}]}}");

    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", bad.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("lofi evaluate: error: " + bad + ": results.v1[0].segment: expected two numbers [start, end], got [0,\"ten\"]");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aSubsetWithoutAnnotationsFailsWithExitOne() {
    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", pred.toString(), "--subset", "testing");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(gt + ": database: no annotated video in subset 'testing'; the file's subsets: validation, training");
  }

  @Test
  void tiouAndProtocolTogetherAreBadUsage() {
    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", pred.toString(), "--tiou", "0.5:0.95:10", "--protocol", "thumos");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void malformedThresholdsAreBadUsageSayingWhatIsWrong() {
    Run run = lofi("evaluate", "--gt", gt.toString(), "--pred", pred.toString(), "--tiou", "0.95:0.5:10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("tIoU thresholds 0.95:0.5:10: need 0 <= FROM <= TO <= 1");
    assertThat(lofi("evaluate", "--gt", "a", "--pred", "b", "--protocol", "coco").err())
        .contains("unknown protocol 'coco': expected activitynet or thumos");
  }
}
