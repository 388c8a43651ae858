package dev.lofi.ingest.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.topics.record.GroundTruthSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Thumos14FormatTest {

  @TempDir
  Path dir;

  private Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static AnnotationProblem readFailure(Path dir) {
    try {
      Thumos14Format.read(dir);
    } catch (AnnotationFormatException e) {
      return e.problem();
    }
    throw new AssertionError(dir + " was read");
  }

  @Test
  void readsClassesSubsetsAndAmbiguousRegions() throws IOException {
    Path pitchVal = file("BaseballPitch_val.txt",
        "video_validation_0000051 67.5 75.9\nvideo_validation_0000052 1.0 2.5\n");
    Path divingVal = file("CliffDiving_val.txt", "video_validation_0000051 10.0 12.0\n");
    Path pitchTest = file("BaseballPitch_test.txt", "video_test_0000004 0.2 1.1\n");
    file("Ambiguous_val.txt", "video_validation_0000051 80.0 81.5\n");
    file("Ambiguous_test.txt", "video_test_0000004 3.0 4.0\nvideo_test_0000007 5.0 6.0\n");

    AnnotationSet read = Thumos14Format.read(dir);

    assertThat(read.problems()).isEmpty();
    assertThat(read.labels()).containsExactly("BaseballPitch", "CliffDiving");
    // Files in name order: Ambiguous_test, Ambiguous_val, BaseballPitch_test, BaseballPitch_val, CliffDiving_val.
    assertThat(read.videos().keySet()).containsExactly(
        "video_test_0000004", "video_test_0000007", "video_validation_0000051", "video_validation_0000052");
    assertThat(read.videos().get("video_validation_0000051")).isEqualTo(new GroundTruth(
        "video_validation_0000051", "validation", OptionalDouble.empty(),
        List.of(new GroundTruth.Entry(new GroundTruthSegment("BaseballPitch", 67.5, 75.9), pitchVal, "line 1"),
            new GroundTruth.Entry(new GroundTruthSegment("CliffDiving", 10.0, 12.0), divingVal, "line 1")),
        List.of(new TimeSpan(80.0, 81.5))));
    assertThat(read.videos().get("video_test_0000004")).isEqualTo(new GroundTruth(
        "video_test_0000004", "test", OptionalDouble.empty(),
        List.of(new GroundTruth.Entry(new GroundTruthSegment("BaseballPitch", 0.2, 1.1), pitchTest, "line 1")),
        List.of(new TimeSpan(3.0, 4.0))));
    assertThat(read.videos().get("video_test_0000007").segments()).isEmpty();
  }

  @Test
  void blankLinesCarriageReturnsAndRunsOfWhitespaceAreAccepted() throws IOException {
    file("HighJump_val.txt",
        "\r\n  video_validation_0000051 \t 1.5   2.5  \r\n\r\n\nvideo_validation_0000051 3 4\r\n   \n");

    AnnotationSet read = Thumos14Format.read(dir);

    assertThat(read.problems()).isEmpty();
    assertThat(read.videos().get("video_validation_0000051").segments()).containsExactly(
        new GroundTruthSegment("HighJump", 1.5, 2.5), new GroundTruthSegment("HighJump", 3, 4));
  }

  @Test
  void badLinesAreNamedByFileAndLineNumberAndTheOtherLinesAreRead() throws IOException {
    Path file = file("HighJump_val.txt", String.join("\n",
        "video_validation_0000051 1.0 2.0",
        "video_validation_0000051 1.0",
        "video_validation_0000051 1.0 2.0 3.0",
        "video_validation_0000051 abc 3.0",
        "video_validation_0000051 1.0 NaN",
        "video_validation_0000051 -1.0 3.0",
        "",
        "video_validation_0000051 5.0 3.0",
        "video_validation_0000052 7.0 8.0"));

    AnnotationSet read = Thumos14Format.read(dir);

    String v51 = "video_validation_0000051";
    assertThat(read.problems()).containsExactly(
        new AnnotationProblem(file, v51, "line 2",
            "expected '<video id> <start> <end>', got 2 fields: 'video_validation_0000051 1.0'"),
        new AnnotationProblem(file, v51, "line 3",
            "expected '<video id> <start> <end>', got 4 fields: 'video_validation_0000051 1.0 2.0 3.0'"),
        new AnnotationProblem(file, v51, "line 4", "start 'abc' is not a number"),
        new AnnotationProblem(file, v51, "line 5", "end 'NaN' is not a number"),
        new AnnotationProblem(file, v51, "line 6", "start -1.0 is negative"),
        new AnnotationProblem(file, v51, "line 8", "end 3.0 is not after start 5.0"));
    assertThat(read.problems().get(0).toString()).isEqualTo(file + ": line 2: "
        + "expected '<video id> <start> <end>', got 2 fields: 'video_validation_0000051 1.0'");
    assertThat(read.videos().get("video_validation_0000051").segments())
        .containsExactly(new GroundTruthSegment("HighJump", 1.0, 2.0));
    assertThat(read.videos()).containsKey("video_validation_0000052");
    assertThat(read.problemsOf(v51)).containsExactlyElementsOf(read.problems());
    assertThat(read.problems()).allMatch(read::keepsVideoOf);
  }

  @Test
  void aVideoInBothSplitsIsReportedWhereItAppearsSecond() throws IOException {
    file("Diving_test.txt", "video_0001 1 2\n");
    Path val = file("Diving_val.txt", "video_0001 3 4\n");

    AnnotationSet read = Thumos14Format.read(dir);

    assertThat(read.problems()).containsExactly(
        new AnnotationProblem(val, "video_0001", "line 1", "video video_0001 is in subset test already, not validation"));
    assertThat(read.videos().get("video_0001").segments()).containsExactly(new GroundTruthSegment("Diving", 1, 2));
  }

  @Test
  void hiddenFilesLeftByArchiveToolsAreSkipped() throws IOException {
    file("Diving_val.txt", "video_0001 1 2\n");
    file(".DS_Store", "\0\0\1");
    file("._Diving_val.txt", "\0\0\1");

    assertThat(Thumos14Format.read(dir).problems()).isEmpty();
  }

  @Test
  void aStrayFileMakesTheDirectoryUnreadable() throws IOException {
    file("Diving_val.txt", "video_0001 1 2\n");
    Path stray = file("Diving_validation.txt", "video_0001 1 2\n");

    assertThat(readFailure(dir)).isEqualTo(
        new AnnotationProblem(stray, "", "is not a THUMOS14 annotation file <Class>_val.txt or <Class>_test.txt"));
  }

  @Test
  void aSubdirectoryMakesTheDirectoryUnreadable() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("Diving_val.txt"));

    assertThat(readFailure(dir).file()).isEqualTo(sub);
  }

  @Test
  void anEmptyDirectoryIsUnreadable() {
    assertThat(readFailure(dir)).isEqualTo(
        new AnnotationProblem(dir, "", "holds no THUMOS14 annotation file <Class>_val.txt or <Class>_test.txt"));
  }

  @Test
  void aFileInsteadOfADirectoryIsUnreadable() throws IOException {
    Path file = file("Diving_val.txt", "video_0001 1 2\n");

    assertThat(readFailure(file)).isEqualTo(
        new AnnotationProblem(file, "", "is not a directory of THUMOS14 annotation files"));
  }

  @Test
  void aMissingDirectoryIsUnreadable() {
    Path missing = dir.resolve("annotation");

    assertThat(readFailure(missing)).isEqualTo(new AnnotationProblem(missing, "", "does not exist"));
  }
}
