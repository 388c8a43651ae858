package dev.lofi.ingest.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.record.GroundTruthSegment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AnnotationSetTest {

  private static GroundTruth video(String id, String... labels) {
    List<GroundTruth.Entry> entries = Arrays.stream(labels)
        .map(label -> new GroundTruth.Entry(new GroundTruthSegment(label, 1, 2), Path.of("gt.json"), "")).toList();
    return new GroundTruth(id, "validation", OptionalDouble.of(10), entries, List.of());
  }

  private static AnnotationProblem problem(String videoId, String location) {
    return new AnnotationProblem(Path.of("gt.json"), videoId, location, "bad");
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
  void theProblemsOfAVideoAreFoundAcrossThePrefixLikeItsGroundTruth() {
    AnnotationProblem bad = problem("abc", "database.abc.annotations[1].segment");
    AnnotationProblem other = problem("xyz", "database.xyz.annotations[0].label");
    AnnotationSet set = new AnnotationSet(Map.of("abc", video("abc")), List.of(bad, other));

    assertThat(set.problemsOf("v_abc")).containsExactly(bad);
    assertThat(set.keepsVideoOf(bad)).isTrue();
  }

  @Test
  void aVideoLeftOutWholeHasItsProblemsButNoGroundTruth() {
    AnnotationProblem bad = problem("abc", "database.abc.duration");
    AnnotationSet set = new AnnotationSet(Map.of(), List.of(bad));

    assertThat(set.find("v_abc")).isEmpty();
    assertThat(set.problemsOf("v_abc")).containsExactly(bad);
    assertThat(set.keepsVideoOf(bad)).isFalse();
  }

  @Test
  void aProblemOfNoVideoIsOfNoVideosProblems() {
    AnnotationProblem wholeFile = new AnnotationProblem(Path.of("gt.json"), "line 1", "bad");
    AnnotationSet set = new AnnotationSet(Map.of(), List.of(wholeFile));

    assertThat(set.problemsOf("abc")).isEmpty();
    assertThat(set.keepsVideoOf(wholeFile)).isFalse();
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
