package dev.lofi.ingest.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivityNetFormatTest {

  private static final String GOOD_VIDEO =
      "{\"subset\": \"training\", \"duration\": 80, \"annotations\": [{\"segment\": [1, 2], \"label\": \"Archery\"}]}";

  @TempDir
  Path dir;

  private Path file(String json) throws IOException {
    Path file = dir.resolve("annotations.json");
    Files.writeString(file, json);
    return file;
  }

  /** A database of two good videos around {@code bad}, under the id "bad". */
  private Path withBadVideo(String bad) throws IOException {
    return file("{\"database\": {\"first\": " + GOOD_VIDEO + ", \"bad\": " + bad + ", \"last\": " + GOOD_VIDEO + "}}");
  }

  /** A video whose second annotation is {@code annotation}. */
  private static String videoWithAnnotation(String annotation) {
    return "{\"subset\": \"validation\", \"duration\": 80, \"annotations\": [{\"segment\": [0, 1], \"label\": \"a\"}, "
        + annotation + "]}";
  }

  private static AnnotationProblem readFailure(Path file) {
    try {
      ActivityNetFormat.read(file);
    } catch (AnnotationFormatException e) {
      assertThat(e).hasMessage(e.problem().toString());
      return e.problem();
    }
    throw new AssertionError(file + " was read");
  }

  @Test
  void aRealisticFileRoundTripsThroughWriteAndRead() {
    List<VideoAnnotations> videos = List.of(
        new VideoAnnotations("sJFgo9H6zNo", "training", 139.042,
            List.of(new GroundTruthSegment("Fun sliding down", 0.01, 123.42),
                new GroundTruthSegment("Fun sliding down", 124.2, 139.042))),
        new VideoAnnotations("V1zhqaGFY2A", "validation", 136.98,
            List.of(new GroundTruthSegment("Rock-paper-scissors", 16.67, 52.66))),
        new VideoAnnotations("JDg--pjY5gg", "validation", 126.781,
            List.of(new GroundTruthSegment("Beer pong", 3.4, 115.2), new GroundTruthSegment("Kneeling", 1.0, 9.0))),
        new VideoAnnotations("7wy8ao4Wk4c", "test", 31.35, List.of()),
        new VideoAnnotations("synth-0007", null, 12.5, List.of(new GroundTruthSegment("Café \"crème\"", 0, 12.5))));
    Path file = dir.resolve("roundtrip.json");

    ActivityNetFormat.write(file, videos);
    AnnotationSet read = ActivityNetFormat.read(file);

    assertThat(read.problems()).isEmpty();
    assertThat(read.videos().keySet())
        .containsExactly("sJFgo9H6zNo", "V1zhqaGFY2A", "JDg--pjY5gg", "7wy8ao4Wk4c", "synth-0007");
    assertThat(read.videos().values()).map(video -> video.fit(video.videoId(), 1.0).record())
        .containsExactlyElementsOf(videos);
    assertThat(read.labels())
        .containsExactly("Beer pong", "Café \"crème\"", "Fun sliding down", "Kneeling", "Rock-paper-scissors");
  }

  @Test
  void theWrittenFileHasActivityNetsShape() throws IOException {
    Path file = dir.resolve("written.json");

    ActivityNetFormat.write(file, List.of(
        new VideoAnnotations("b", "training", 10.5, List.of(new GroundTruthSegment("Archery", 1.5, 2.0))),
        new VideoAnnotations("a", null, 3, List.of())));

    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root.get("version").asText()).isNotBlank();
    assertThat(root.get("database").fieldNames()).toIterable().containsExactly("b", "a");
    assertThat(root.get("database").get("b").toString()).isEqualTo("{\"subset\":\"training\",\"duration\":10.5,"
        + "\"annotations\":[{\"segment\":[1.5,2.0],\"label\":\"Archery\"}]}");
    assertThat(root.get("database").get("a").has("subset")).isFalse();
  }

  @Test
  void writingRefusesAVideoIdTwice() {
    VideoAnnotations video = new VideoAnnotations("abc", "training", 3, List.of());

    assertThatThrownBy(() -> ActivityNetFormat.write(dir.resolve("x.json"), List.of(video, video)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("video id 'abc' appears twice");
  }

  @Test
  void writingRefusesABlankVideoId() {
    VideoAnnotations video = new VideoAnnotations("", "training", 3, List.of());

    assertThatThrownBy(() -> ActivityNetFormat.write(dir.resolve("x.json"), List.of(video)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("video id must not be blank, got ''");
  }

  @Test
  void readingIgnoresFieldsOutsideTheFormat() throws IOException {
    Path file = file("""
        {"version": "VERSION 1.3",
         "taxonomy": [{"parentName": "Root", "nodeName": "Archery", "nodeId": 1, "parentId": 0}],
         "database": {
           "V1zhqaGFY2A": {"subset": "validation", "url": "https://www.youtube.com/watch?v=V1zhqaGFY2A",
                           "resolution": "1280x720", "duration": 136.98,
                           "annotations": [{"segment": [16.67, 52.66], "label": "Rock-paper-scissors"}]},
           "7wy8ao4Wk4c": {"subset": "testing", "duration": 31.35, "annotations": [], "url": ""}}}
        """);

    AnnotationSet read = ActivityNetFormat.read(file);

    assertThat(read.problems()).isEmpty();
    assertThat(read.videos()).containsOnlyKeys("V1zhqaGFY2A", "7wy8ao4Wk4c");
    assertThat(read.videos().get("V1zhqaGFY2A")).isEqualTo(new GroundTruth("V1zhqaGFY2A", "validation",
        OptionalDouble.of(136.98), List.of(new GroundTruth.Entry(new GroundTruthSegment("Rock-paper-scissors", 16.67,
            52.66), file, "database.V1zhqaGFY2A.annotations[0].segment")), List.of()));
  }

  @Test
  void absentSubsetDurationAndAnnotationsReadAsUnknownAndNone() throws IOException {
    Path file = file("{\"database\": {\"abc\": {\"subset\": null}}}");

    assertThat(ActivityNetFormat.read(file).videos().get("abc"))
        .isEqualTo(new GroundTruth("abc", null, OptionalDouble.empty(), List.of(), List.of()));
  }

  @Test
  void anEndALittlePastTheDurationIsClippedNotReported() throws IOException {
    AnnotationSet read = ActivityNetFormat.read(file("{\"database\": {\"abc\": {\"duration\": 82.73, "
        + "\"annotations\": [{\"segment\": [80.1, 82.8], \"label\": \"x\"}]}}}"));

    assertThat(read.problems()).isEmpty();
    assertThat(read.videos().get("abc").segments()).containsExactly(new GroundTruthSegment("x", 80.1, 82.73));
  }

  static Stream<Arguments> badAnnotations() {
    String at = "database.bad.annotations[1]";
    return Stream.of(
        Arguments.of("{\"segment\": [1, 2, 3], \"label\": \"x\"}", at + ".segment",
            "[1,2,3] is not a [start, end] pair"),
        Arguments.of("{\"segment\": \"1-2\", \"label\": \"x\"}", at + ".segment",
            "\"1-2\" is not a [start, end] pair"),
        Arguments.of("{\"label\": \"x\"}", at + ".segment", "missing"),
        Arguments.of("{\"segment\": [\"1.5\", 2], \"label\": \"x\"}", at + ".segment[0]",
            "\"1.5\" is not a number"),
        Arguments.of("{\"segment\": [1, null], \"label\": \"x\"}", at + ".segment[1]", "null is not a number"),
        Arguments.of("{\"segment\": [-0.5, 2], \"label\": \"x\"}", at + ".segment", "start -0.5 is negative"),
        Arguments.of("{\"segment\": [5.0, 3.0], \"label\": \"x\"}", at + ".segment", "end 3.0 is not after start 5.0"),
        Arguments.of("{\"segment\": [5, 5], \"label\": \"x\"}", at + ".segment", "end 5.0 is not after start 5.0"),
        Arguments.of("{\"segment\": [1, 1e400], \"label\": \"x\"}", at + ".segment", "end Infinity is not finite"),
        Arguments.of("{\"segment\": [85, 90], \"label\": \"x\"}", at + ".segment",
            "start 85.0 is not before the duration 80.0"),
        Arguments.of("{\"segment\": [1, 2]}", at + ".label", "missing"),
        Arguments.of("{\"segment\": [1, 2], \"label\": \" \"}", at + ".label", "label is blank"),
        Arguments.of("{\"segment\": [1, 2], \"label\": 7}", at + ".label", "7 is not a string"),
        Arguments.of("[1, 2]", at, "[1,2] is not an object"));
  }

  @ParameterizedTest
  @MethodSource("badAnnotations")
  void aBadAnnotationIsReportedWithItsVideoAndPathAndOnlyThatEntryIsLeftOut(String annotation, String location,
      String reason) throws IOException {
    Path file = withBadVideo(videoWithAnnotation(annotation));

    AnnotationSet read = ActivityNetFormat.read(file);

    AnnotationProblem problem = new AnnotationProblem(file, "bad", location, reason);
    assertThat(read.problems()).containsExactly(problem);
    assertThat(read.videos()).containsOnlyKeys("first", "bad", "last");
    assertThat(read.videos().get("bad").segments()).containsExactly(new GroundTruthSegment("a", 0, 1));
    assertThat(read.keepsVideoOf(problem)).isTrue();
  }

  @Test
  void aVideoWhoseEveryEntryIsBadIsLeftOutRatherThanPublishedAsHoldingNoAction() throws IOException {
    Path file = withBadVideo("{\"duration\": 80, \"annotations\": [{\"segment\": [2, 1], \"label\": \"a\"}, "
        + "{\"segment\": [3, 4]}]}");

    AnnotationSet read = ActivityNetFormat.read(file);

    assertThat(read.videos()).containsOnlyKeys("first", "last");
    assertThat(read.problems()).extracting(AnnotationProblem::location)
        .containsExactly("database.bad.annotations[0].segment", "database.bad.annotations[1].label");
    assertThat(read.problems()).allSatisfy(problem -> assertThat(read.keepsVideoOf(problem)).isFalse());
  }

  @Test
  void aVideoWithNoEntriesAtAllIsKeptAsHoldingNoAction() throws IOException {
    AnnotationSet read = ActivityNetFormat.read(withBadVideo("{\"duration\": 80, \"annotations\": []}"));

    assertThat(read.problems()).isEmpty();
    assertThat(read.videos().get("bad").segments()).isEmpty();
  }

  static Stream<Arguments> badVideoFields() {
    return Stream.of(
        Arguments.of("{\"duration\": -3}", "database.bad.duration",
            "duration -3.0 is not a positive number of seconds"),
        Arguments.of("{\"duration\": 0}", "database.bad.duration",
            "duration 0.0 is not a positive number of seconds"),
        Arguments.of("{\"duration\": \"82.7s\"}", "database.bad.duration", "\"82.7s\" is not a number"),
        Arguments.of("{\"subset\": 1}", "database.bad.subset", "1 is not a string"),
        Arguments.of("{\"annotations\": {}}", "database.bad.annotations", "{} is not an array"),
        Arguments.of("\"v_bad.mp4\"", "database.bad", "\"v_bad.mp4\" is not an object"));
  }

  @ParameterizedTest
  @MethodSource("badVideoFields")
  void aBadVideoFieldIsReportedAtItsPathAndLeavesOutItsWholeVideoOnly(String video, String location, String reason)
      throws IOException {
    Path file = withBadVideo(video);

    AnnotationSet read = ActivityNetFormat.read(file);

    AnnotationProblem problem = new AnnotationProblem(file, "bad", location, reason);
    assertThat(read.problems()).containsExactly(problem);
    assertThat(read.videos()).containsOnlyKeys("first", "last");
    assertThat(read.keepsVideoOf(problem)).isFalse();
  }

  @Test
  void everyProblemOfAVideoIsReportedInFileOrder() throws IOException {
    Path file = withBadVideo("{\"duration\": -1, \"annotations\": [{\"segment\": [2, 1], \"label\": \"\"}]}");

    assertThat(ActivityNetFormat.read(file).problems()).extracting(AnnotationProblem::location).containsExactly(
        "database.bad.duration", "database.bad.annotations[0].label", "database.bad.annotations[0].segment");
  }

  @Test
  void anIdThatIsNotPlainIsQuotedInThePath() throws IOException {
    Path file = file("{\"database\": {\"a.b \\\"c\\\"\": {\"duration\": -1}}}");

    assertThat(ActivityNetFormat.read(file).problems()).extracting(AnnotationProblem::location)
        .containsExactly("database[\"a.b \\\"c\\\"\"].duration");
  }

  @Test
  void aBlankVideoIdIsReported() throws IOException {
    Path file = file("{\"database\": {\" \": " + GOOD_VIDEO + "}}");

    assertThat(ActivityNetFormat.read(file).problems())
        .containsExactly(new AnnotationProblem(file, " ", "database[\" \"]", "video id is blank"));
  }

  @Test
  void brokenJsonNamesLineAndColumn() throws IOException {
    Path file = file("{\"database\": {\n  \"abc\": {\"duration\": 3,,\n}}}");

    AnnotationProblem problem = readFailure(file);

    assertThat(problem.location()).isEqualTo("line 2, column 25");
    assertThat(problem.reason()).startsWith("not valid JSON: Unexpected character (',' (code 44))");
  }

  @Test
  void aVideoIdTwiceMakesTheFileUnreadable() throws IOException {
    Path file = file("{\"database\": {\n\"abc\": {},\n\"abc\": {}}}");

    AnnotationProblem problem = readFailure(file);

    assertThat(problem.location()).startsWith("line 3, column");
    assertThat(problem.reason()).contains("Duplicate field 'abc'");
  }

  @Test
  void aFileWithoutDatabaseIsUnreadable() throws IOException {
    Path file = file("{\"version\": \"VERSION 1.3\", \"taxonomy\": []}");

    assertThat(readFailure(file)).isEqualTo(new AnnotationProblem(file, "database",
        "missing: an ActivityNet file keeps its videos under \"database\""));
  }

  @Test
  void aDatabaseThatIsNotAnObjectIsUnreadable() throws IOException {
    Path file = file("{\"database\": [\"abc\"]}");

    assertThat(readFailure(file)).isEqualTo(new AnnotationProblem(file, "database", "[\"abc\"] is not an object"));
  }

  @Test
  void aTopLevelThatIsNotAnObjectIsUnreadable() throws IOException {
    Path file = file("[{\"database\": {}}]");

    assertThat(readFailure(file).reason()).isEqualTo("top level [{\"database\":{}}] is not an object");
  }

  @Test
  void anEmptyFileIsUnreadable() throws IOException {
    Path file = file("");

    assertThat(readFailure(file)).isEqualTo(new AnnotationProblem(file, "", "is empty"));
  }

  @Test
  void aMissingFileIsUnreadable() {
    Path file = dir.resolve("nowhere.json");

    assertThat(readFailure(file)).isEqualTo(new AnnotationProblem(file, "", "does not exist"));
  }
}
