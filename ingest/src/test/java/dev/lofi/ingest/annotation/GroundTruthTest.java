package dev.lofi.ingest.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroundTruthTest {

  private static final Path CLASS_FILE = Path.of("annotations", "CliffDiving_test.txt");

  /** A THUMOS14 video whose i-th segment the class file writes on line i + 1. */
  private static GroundTruth thumos(GroundTruthSegment... segments) {
    List<GroundTruth.Entry> entries = IntStream.range(0, segments.length)
        .mapToObj(i -> new GroundTruth.Entry(segments[i], CLASS_FILE, "line " + (i + 1))).toList();
    return new GroundTruth("video_test_0000004", "test", OptionalDouble.empty(), entries, List.of());
  }

  private static GroundTruth.Entry entry(GroundTruthSegment segment) {
    return new GroundTruth.Entry(segment, Path.of("gt.json"), "database.abc.annotations[0].segment");
  }

  @Test
  void fitFillsTheProbedDurationWhenTheFileHasNone() {
    GroundTruth video = thumos(new GroundTruthSegment("CliffDiving", 0.2, 1.1));

    GroundTruth.Fitted fitted = video.fit("video_test_0000004", 33.5);

    assertThat(fitted.record()).isEqualTo(new VideoAnnotations("video_test_0000004", "test", 33.5,
        List.of(new GroundTruthSegment("CliffDiving", 0.2, 1.1))));
    assertThat(fitted.leftOut()).isEmpty();
  }

  @Test
  void fitKeysTheRecordByTheVideoFilesIdNotTheEntrysSoTheTrainerJoinsItWithTheVideo() {
    GroundTruth entry = new GroundTruth("abc", "training", OptionalDouble.of(9), List.of(), List.of());

    assertThat(entry.fit("v_abc", 9).record().videoId()).isEqualTo("v_abc");
  }

  @Test
  void fitClipsEndsPastTheDecodedEndWithoutNamingThem() {
    GroundTruth video = thumos(new GroundTruthSegment("CliffDiving", 30.0, 34.25));

    GroundTruth.Fitted fitted = video.fit("video_test_0000004", 33.5);

    assertThat(fitted.record().annotations()).containsExactly(new GroundTruthSegment("CliffDiving", 30.0, 33.5));
    assertThat(fitted.leftOut()).isEmpty();
  }

  @Test
  void fitKeepsTheFilesDurationOverTheProbedOne() {
    GroundTruth video = new GroundTruth("abc", "validation", OptionalDouble.of(82.73),
        List.of(entry(new GroundTruthSegment("Long jump", 3.5, 82.73))), List.of());

    VideoAnnotations record = video.fit("abc", 82.7).record();

    assertThat(record.durationSeconds()).isEqualTo(82.73);
    assertThat(record.annotations()).containsExactly(new GroundTruthSegment("Long jump", 3.5, 82.73));
  }

  @Test
  void aSegmentStartingAtOrAfterTheDecodedEndIsNamedAndLeftOutWhileTheOthersAreKept() {
    GroundTruth video = thumos(new GroundTruthSegment("CliffDiving", 1.0, 2.0),
        new GroundTruthSegment("CliffDiving", 812.4, 815.0), new GroundTruthSegment("CliffDiving", 3.0, 4.0),
        new GroundTruthSegment("CliffDiving", 640.2, 641.0));

    GroundTruth.Fitted fitted = video.fit("video_test_0000004", 640.2);

    assertThat(fitted.record().annotations()).containsExactly(new GroundTruthSegment("CliffDiving", 1.0, 2.0),
        new GroundTruthSegment("CliffDiving", 3.0, 4.0));
    assertThat(fitted.leftOut()).containsExactly(
        new AnnotationProblem(CLASS_FILE, "video_test_0000004", "line 2",
            "segment 812.4-815 s starts at or after the video's end at 640.2 s (its decoded duration)"),
        new AnnotationProblem(CLASS_FILE, "video_test_0000004", "line 4",
            "segment 640.2-641 s starts at or after the video's end at 640.2 s (its decoded duration)"));
  }

  @Test
  void theDecodedEndIsNamedToTheMillisecond() {
    GroundTruth video = thumos(new GroundTruthSegment("CliffDiving", 5.0, 6.0));

    assertThat(video.fit("video_test_0000004", 89 / 30.0).leftOut()).singleElement()
        .extracting(AnnotationProblem::reason).asString().contains("the video's end at 2.967 s");
  }

  @Test
  void aVideoWhoseEverySegmentStartsAfterTheDecodedEndHasNoRecordRatherThanOneOfNoAction() {
    GroundTruth video = thumos(new GroundTruthSegment("CliffDiving", 50.0, 51.0),
        new GroundTruthSegment("CliffDiving", 60.0, 61.0));

    GroundTruth.Fitted fitted = video.fit("video_test_0000004", 40.0);

    assertThat(fitted.record()).isNull();
    assertThat(fitted.leftOut()).extracting(AnnotationProblem::location).containsExactly("line 1", "line 2");
  }

  @Test
  void aVideoWithoutSegmentsIsARecordOfNoAction() {
    assertThat(thumos().fit("video_test_0000004", 40.0).record().annotations()).isEmpty();
  }

  @Test
  void fitRefusesAProbedDurationThatIsNotPositive() {
    assertThatThrownBy(() -> thumos().fit("video_test_0000004", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probedSeconds must be finite and > 0, got 0.0");
  }

  @Test
  void segmentsAreTheEntriesActionsInFileOrder() {
    GroundTruthSegment first = new GroundTruthSegment("CliffDiving", 3.0, 4.0);
    GroundTruthSegment second = new GroundTruthSegment("CliffDiving", 1.0, 2.0);

    assertThat(thumos(first, second).segments()).containsExactly(first, second);
  }

  @Test
  void aSegmentEndingAfterTheFilesDurationIsRefused() {
    assertThatThrownBy(() -> new GroundTruth("abc", null, OptionalDouble.of(10),
            List.of(entry(new GroundTruthSegment("a", 1, 10.5))), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("abc: segment [1.0, 10.5] ends after the duration 10.0");
  }

  @Test
  void aDurationThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> new GroundTruth("abc", null, OptionalDouble.of(-2), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("duration must be finite and > 0, got -2.0");
  }

  @Test
  void aBlankVideoIdIsRefused() {
    assertThatThrownBy(() -> new GroundTruth(" ", null, OptionalDouble.empty(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("videoId must not be blank, got ' '");
  }
}
