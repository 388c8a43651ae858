package dev.lofi.ingest.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.record.GroundTruthSegment;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AnnotationSetTest {

  private static GroundTruth video(String id, String... labels) {
    List<GroundTruthSegment> segments = Arrays.stream(labels)
        .map(label -> new GroundTruthSegment(label, 1, 2)).toList();
    return new GroundTruth(id, "validation", OptionalDouble.of(10), segments, List.of());
  }

  private static AnnotationSet setOf(GroundTruth... videos) {
    Map<String, GroundTruth> byId = new LinkedHashMap<>();
    for (GroundTruth video : videos) {
      byId.put(video.videoId(), video);
    }
    return new AnnotationSet(byId, List.of());
  }

  @Test
  void aVideoFileNamedWithThePrefixFindsTheJsonEntryWithout() {
    GroundTruth abc = video("abc");

    assertThat(setOf(abc).find("v_abc")).contains(abc);
  }

  @Test
  void anIdWithoutThePrefixFindsAnEntryWithIt() {
    GroundTruth abc = video("v_abc");

    assertThat(setOf(abc).find("abc")).contains(abc);
  }

  @Test
  void anExactIdWinsOverThePrefixConvention() {
    GroundTruth plain = video("abc");
    GroundTruth prefixed = video("v_abc");
    AnnotationSet set = setOf(plain, prefixed);

    assertThat(set.find("abc")).contains(plain);
    assertThat(set.find("v_abc")).contains(prefixed);
  }

  @Test
  void anUnknownIdFindsNothing() {
    assertThat(setOf(video("abc")).find("v_abd")).isEmpty();
  }

  @Test
  void labelsAreTheDistinctClassesOfAllVideosSorted() {
    AnnotationSet set = setOf(video("b", "Long jump", "Archery"), video("a", "Archery", "Zumba"));

    assertThat(set.labels()).containsExactly("Archery", "Long jump", "Zumba");
  }

  @Test
  void videosKeepTheirFileOrder() {
    assertThat(setOf(video("c"), video("a"), video("b")).videos().keySet()).containsExactly("c", "a", "b");
  }

  @Test
  void aKeyThatIsNotItsVideosIdIsRefused() {
    assertThatThrownBy(() -> new AnnotationSet(Map.of("a", video("b")), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("videos key 'a' holds video 'b'");
  }
}
