package dev.lofi.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetAugmentationTest {

  private static final Shape CLIPS = new Shape(2, 3, 4, 3, 8, 8);

  @Test
  void aMirrorIsTheFrameReversedLeftToRightAndKeepsEveryValue() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray clips = manager.randomNormal(CLIPS);
      SnippetAugmentation mirror = new SnippetAugmentation(true, 0, 0);
      boolean mirrored = false;
      for (int epoch = 0; epoch < 8 && !mirrored; epoch++) {
        NDArray out = mirror.apply(clips, List.of("a", "b"), 1, epoch);
        NDArray first = out.get(new NDIndex("0"));
        mirrored = first.contentEquals(clips.get(new NDIndex("0")).flip(4));
        assertThat(mirrored || first.contentEquals(clips.get(new NDIndex("0")))).isTrue();
      }
      assertThat(mirrored).as("some epoch mirrors clip a").isTrue();
    }
  }

  @Test
  void eachClipGetsOneDrawForAllItsFramesAndTheSameRunDrawsTheSame() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray clips = manager.ones(CLIPS);
      SnippetAugmentation jitter = new SnippetAugmentation(false, 0, 0.2);

      NDArray out = jitter.apply(clips, List.of("a", "b"), 7, 3);

      // A constant clip stays constant: one brightness and contrast for every snippet and frame.
      for (int b = 0; b < 2; b++) {
        NDArray clip = out.get(new NDIndex("{}", b));
        assertThat(clip.max().getFloat() - clip.min().getFloat()).isLessThan(1e-6f);
        assertThat(clip.max().getFloat()).isBetween(0.8f * 1 - 0.2f, 1.2f * 1 + 0.2f);
      }
      assertThat(out.contentEquals(jitter.apply(clips, List.of("a", "b"), 7, 3))).isTrue();
    }
  }

  @Test
  void aShiftMovesTheFrameAndZeroesWhatItUncovers() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray clips = manager.ones(new Shape(1, 1, 1, 3, 8, 8));
      SnippetAugmentation shift = new SnippetAugmentation(false, 0.25, 0);
      float[] sums = new float[10];
      for (int epoch = 0; epoch < sums.length; epoch++) {
        NDArray out = shift.apply(clips, List.of("a"), 1, epoch);
        assertThat(out.getShape()).isEqualTo(clips.getShape());
        sums[epoch] = out.sum().getFloat();
      }
      // Shifted by up to 2 of 8 pixels each way: at least 6 x 6 of each channel stays lit.
      for (float sum : sums) {
        assertThat(sum).isBetween(3 * 36f, 3 * 64f);
      }
      boolean shifted = false;
      for (float sum : sums) {
        shifted |= sum < 3 * 64f;
      }
      assertThat(shifted).as("some epoch shifts, sums %s", Arrays.toString(sums)).isTrue();
    }
  }

  @Test
  void noneLeavesTheClipsAsTheyAreAndBadScalesAreRefused() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray clips = manager.randomNormal(CLIPS);
      assertThat(SnippetAugmentation.NONE.apply(clips, List.of("a", "b"), 1, 0)).isSameAs(clips);
    }
    assertThatThrownBy(() -> new SnippetAugmentation(true, 0.6, 0)).hasMessageContaining("shift");
  }
}
