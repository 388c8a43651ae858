package dev.lofi.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import dev.lofi.topics.record.VideoAnnotations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SparseSnippetsTest {

  private static final VideoClips CLIP = clip("spin_00", 8);

  @Test
  void drawsOneSnippetFromEachEqualStretchInOrder() {
    for (int epoch = 0; epoch < 20; epoch++) {
      List<Integer> drawn = indices(new SparseSnippets(2).draw(CLIP, 1, epoch));
      assertThat(drawn).hasSize(2);
      assertThat(drawn.get(0)).isBetween(0, 3);
      assertThat(drawn.get(1)).isBetween(4, 7);
    }
  }

  @Test
  void theSameRunEpochAndClipDrawTheSameAndOtherEpochsDrawOthers() {
    SparseSnippets sampling = new SparseSnippets(3);
    assertThat(indices(sampling.draw(CLIP, 7, 4))).isEqualTo(indices(sampling.draw(CLIP, 7, 4)));
    Set<List<Integer>> draws = new HashSet<>();
    IntStream.range(0, 20).forEach(epoch -> draws.add(indices(sampling.draw(CLIP, 7, epoch))));
    assertThat(draws).hasSizeGreaterThan(1);
  }

  @Test
  void aClipNoLongerThanTheCountGivesEverySnippet() {
    VideoClips shortClip = clip("pulse_00", 2);
    assertThat(indices(new SparseSnippets(2).draw(shortClip, 1, 0))).containsExactly(0, 1);
    assertThat(indices(new SparseSnippets(4).draw(shortClip, 1, 0))).containsExactly(0, 1);
    assertThat(indices(SparseSnippets.ALL.draw(CLIP, 1, 0))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> new SparseSnippets(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0: all");
  }

  private static List<Integer> indices(List<ClipSnippet> snippets) {
    return snippets.stream().map(ClipSnippet::snippetIndex).toList();
  }

  private static VideoClips clip(String videoId, int count) {
    List<ClipSnippet> snippets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      snippets.add(new ClipSnippet(videoId, "t", i, count, i, i + 1, ClipSnippet.NOT_LIVE, false, false, 1, 2, 2, 3,
          DType.UINT8, new byte[12]));
    }
    return new VideoClips(videoId, "t", snippets, new VideoAnnotations(videoId, "pretrain", count, List.of()));
  }
}
