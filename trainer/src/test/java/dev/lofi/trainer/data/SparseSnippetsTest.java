package dev.lofi.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SparseSnippetsTest {

  private static final int[] CLIP = SparseSnippets.every(8);

  @Test
  void drawsOneSnippetFromEachEqualStretchInOrder() {
    for (int epoch = 0; epoch < 20; epoch++) {
      int[] drawn = new SparseSnippets(2).draw(CLIP, "spin_00", 1, epoch);
      assertThat(drawn).hasSize(2);
      assertThat(drawn[0]).isBetween(0, 3);
      assertThat(drawn[1]).isBetween(4, 7);
    }
  }

  @Test
  void theSameRunEpochAndClipDrawTheSameAndOtherEpochsDrawOthers() {
    SparseSnippets sampling = new SparseSnippets(3);
    assertThat(sampling.draw(CLIP, "spin_00", 7, 4)).isEqualTo(sampling.draw(CLIP, "spin_00", 7, 4));
    Set<List<Integer>> draws = new HashSet<>();
    IntStream.range(0, 20).forEach(epoch -> draws.add(
        Arrays.stream(sampling.draw(CLIP, "spin_00", 7, epoch)).boxed().toList()));
    assertThat(draws).hasSizeGreaterThan(1);
  }

  @Test
  void neighbouringEpochsDrawIndependently() {
    // Each stretch of 4 snippets: over 20 epochs a fair draw shows all 4 in both, near surely.
    Set<Integer> firsts = new HashSet<>();
    Set<Integer> seconds = new HashSet<>();
    for (int epoch = 0; epoch < 20; epoch++) {
      int[] drawn = new SparseSnippets(2).draw(CLIP, "spin_00", 1, epoch);
      firsts.add(drawn[0]);
      seconds.add(drawn[1]);
    }
    assertThat(firsts).hasSizeGreaterThanOrEqualTo(3);
    assertThat(seconds).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void drawsFromTheClipsOwnSnippetsOfItsVideo() {
    int[] segment = {11, 12, 13, 14, 15, 16};
    for (int epoch = 0; epoch < 10; epoch++) {
      assertThat(Arrays.stream(new SparseSnippets(3).draw(segment, "v_00#2", 1, epoch)).boxed())
          .allSatisfy(i -> assertThat(i).isBetween(11, 16));
    }
  }

  @Test
  void aClipShorterThanTheCountRepeatsItsSnippetsInOrder() {
    assertThat(new SparseSnippets(2).draw(new int[] {4, 5}, "pulse_00", 1, 0)).containsExactly(4, 5);
    assertThat(new SparseSnippets(4).draw(new int[] {4, 5}, "pulse_00", 1, 0)).containsExactly(4, 4, 5, 5);
    assertThat(new SparseSnippets(3).draw(new int[] {9}, "pulse_00", 1, 0)).containsExactly(9, 9, 9);
    assertThat(SparseSnippets.ALL.draw(CLIP, "spin_00", 1, 0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> new SparseSnippets(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0: all");
  }
}
