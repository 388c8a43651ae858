package dev.lofi.ingest.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AnnotationProblemTest {

  @Test
  void printsFileLocationAndReason() {
    AnnotationProblem problem = new AnnotationProblem(Path.of("annotations.json"), "v_abc",
        "database.v_abc.annotations[2].segment", "end 3.0 is not after start 5.0");

    assertThat(problem).hasToString(
        "annotations.json: database.v_abc.annotations[2].segment: end 3.0 is not after start 5.0");
  }

  @Test
  void aProblemOfTheWholeFileIsOfNoVideo() {
    assertThat(new AnnotationProblem(Path.of("gt.json"), "", "does not exist").videoId()).isNull();
  }

  @Test
  void aProblemOfTheWholeFilePrintsNoLocation() {
    assertThat(new AnnotationProblem(Path.of("gt.json"), "", "does not exist")).hasToString("gt.json: does not exist");
  }

  @Test
  void aBlankReasonIsRefused() {
    assertThatThrownBy(() -> new AnnotationProblem(Path.of("gt.json"), "line 1", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not be blank, got ' '");
  }

  @Test
  void theExceptionCarriesTheProblemAsItsMessage() {
    AnnotationProblem problem = new AnnotationProblem(Path.of("gt.json"), "database", "missing");

    AnnotationFormatException e = new AnnotationFormatException(problem);

    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e).hasMessage("gt.json: database: missing");
  }
}
