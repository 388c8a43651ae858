package dev.lofi.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentClipsTest {

  private static final String BACKGROUND = "background";

  @Test
  void eachSegmentIsAClipOfTheSnippetsWhoseMiddleItHoldsAndEachGapABackgroundClip() {
    // 10 snippets of 1 s: middles 0.5, 1.5, ... 9.5.
    TrainingSet.Entry video = video("v", 10, new GroundTruthSegment("jump", 2, 5), new GroundTruthSegment("spin", 7, 8.2));

    List<LabelledClip> clips = SegmentClips.cut(List.of(video), BACKGROUND);

    assertThat(clips).extracting(LabelledClip::label).containsExactly("jump", "spin", BACKGROUND);
    assertThat(clips.get(0).snippets()).containsExactly(2, 3, 4);
    assertThat(clips.get(1).snippets()).containsExactly(7);
    // Of the three gaps (0-1, 5-6, 8-9) as many as the most frequent action has clips: one.
    assertThat(clips.get(2).snippets()).containsExactly(0, 1);
    assertThat(clips.stream().map(LabelledClip::id).distinct()).hasSize(3);
  }

  @Test
  void backgroundIsKeptAsOftenAsTheMostFrequentActionPickedOverEveryVideo() {
    List<TrainingSet.Entry> videos = List.of(
        video("a", 10, new GroundTruthSegment("jump", 2, 5)),
        video("b", 10, new GroundTruthSegment("jump", 2, 5)),
        video("c", 10, new GroundTruthSegment("spin", 2, 5)));

    List<LabelledClip> background = SegmentClips.cut(videos, BACKGROUND).stream()
        .filter(c -> c.label().equals(BACKGROUND)).toList();

    assertThat(background).hasSize(2);
    assertThat(background).extracting(c -> c.location().videoId()).containsExactly("a", "b");
  }

  @Test
  void aSegmentShorterThanTheSnippetSpacingTakesTheSnippetNearestItsMiddle() {
    TrainingSet.Entry video = video("v", 4, new GroundTruthSegment("clap", 1.1, 1.3));

    LabelledClip clap = SegmentClips.cut(List.of(video), BACKGROUND).get(0);

    assertThat(clap.label()).isEqualTo("clap");
    assertThat(clap.snippets()).containsExactly(1);
  }

  @Test
  void aVideoCoveredByActionsGivesNoBackground() {
    TrainingSet.Entry video = video("v", 4, new GroundTruthSegment("run", 0, 4));

    assertThat(SegmentClips.cut(List.of(video), BACKGROUND)).extracting(LabelledClip::label).containsExactly("run");
  }

  private static TrainingSet.Entry video(String id, int snippets, GroundTruthSegment... segments) {
    long[] offsets = new long[snippets];
    double[] middles = new double[snippets];
    Arrays.setAll(offsets, i -> 100 + i);
    Arrays.setAll(middles, i -> i + 0.5);
    VideoMetadata metadata = new VideoMetadata(id, "test", snippets, 15, 64, 48, snippets * 15L, "training",
        new IngestProvenance("run", "0".repeat(64), "test", Map.of("full", snippets), Instant.EPOCH));
    return new TrainingSet.Entry(metadata, new VideoLocation(id, "lofi.clips.full", 0, offsets, middles),
        new VideoAnnotations(id, "training", snippets, List.of(segments)));
  }
}
