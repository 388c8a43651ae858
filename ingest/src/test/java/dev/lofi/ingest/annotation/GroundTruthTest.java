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
  void toRecordFillsTheProbedDurationWhenTheFileHasNone() {
    GroundTruth video = thumos(new GroundTruthSegment("CliffDiving", 0.2, 1.1));

    assertThat(video.toRecord("video_test_0000004", 33.5)).isEqualTo(new VideoAnnotations("video_test_0000004",
        "test", 33.5, List.of(new GroundTruthSegment("CliffDiving", 0.2, 1.1))));
  }

  @Test
  void toRecordIsKeyedByTheVideoFilesIdNotTheEntrysSoTheTrainerJoinsItWithTheVideo() {
    GroundTruth entry = new GroundTruth("abc", "training", OptionalDouble.of(9), List.of(), List.of());

    assertThat(entry.toRecord("v_abc", 9).videoId()).isEqualTo("v_abc");
  }

  @Test
  void toRecordClipsEndsPastTheDuration() {
    GroundTruth video = thumos(new GroundTruthSegment("CliffDiving", 30.0, 34.25));

    assertThat(video.toRecord("video_test_0000004", 33.5).annotations())
        .containsExactly(new GroundTruthSegment("CliffDiving", 30.0, 33.5));
  }

  @Test
  void toRecordKeepsTheFilesDurationOverTheProbedOne() {
    GroundTruth video = new GroundTruth("abc", "validation", OptionalDouble.of(82.73),
        List.of(entry(new GroundTruthSegment("Long jump", 3.5, 82.73))), List.of());

    VideoAnnotations record = video.toRecord("abc", 82.7);

    assertThat(record.durationSeconds()).isEqualTo(82.73);
    assertThat(record.annotations()).containsExactly(new GroundTruthSegment("Long jump", 3.5, 82.73));
  }

  @Test
  void toRecordRefusesASegmentStartingAtOrAfterTheDurationNamingTheVideo() {
    GroundTruth video = thumos(new GroundTruthSegment("CliffDiving", 40.0, 41.0));

    assertThatThrownBy(() -> video.toRecord("video_test_0000004", 40.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("video_test_0000004: start 40.0 is not before the duration 40.0");
  }

  @Test
  void toRecordRefusesAProbedDurationThatIsNotPositive() {
    assertThatThrownBy(() -> thumos().toRecord("video_test_0000004", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probedSeconds must be finite and > 0, got 0.0");
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
