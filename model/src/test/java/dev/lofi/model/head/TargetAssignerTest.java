package dev.lofi.model.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.segment.LabeledSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetAssignerTest {

  // 16 snippets of 1 s; two levels: stride 1 regresses distances up to 4, stride 2 from 4 on.
  private final PointPyramid pyramid = new PointPyramid(16, 2);

  @Test
  void centreSamplingAndRegressionRanges() {
    // [4 s, 8 s] is positions [3.5, 7.5], centre 5.5. Stride 1: centre region (4, 7) holds points
    // 5 and 6, farthest boundaries 2.5 <= 4. Stride 2: points 4 and 6 are inside (2.5, 8.5) but
    // their farthest boundaries (3.5, 2.5) are below the level's 4.
    TargetAssigner.Assignment a = new TargetAssigner(1.5)
        .assign(pyramid, VideoTargets.of(16, 16, List.of(new LabeledSegment(1, 4, 8))), 3);
    assertThat(a.positives()).containsExactly(5, 6);
    assertThat(a.offsets()).containsExactly(1.5f, 2.5f, 2.5f, 1.5f);
    assertThat(a.classTargets()[5 * 3 + 1]).isEqualTo(1f);
    assertThat(a.classTargets()[6 * 3 + 1]).isEqualTo(1f);
    float total = 0;
    for (float t : a.classTargets()) {
      total += t;
    }
    assertThat(total).isEqualTo(2f);
  }

  @Test
  void longActionsGoToCoarseLevelsInStrides() {
    // [0 s, 12 s] is positions [-0.5, 11.5], centre 5.5. Stride 1: points 5, 6 (centre region
    // (4, 7)) are 5.5 / 6.5 from a boundary: above 4, not theirs. Stride 2: region (2.5, 8.5) holds
    // 4, 6, 8 with farthest boundaries 7.5, 6.5, 8.5 >= 4: offsets in strides of 2.
    TargetAssigner.Assignment a = new TargetAssigner(1.5)
        .assign(pyramid, VideoTargets.of(16, 16, List.of(new LabeledSegment(0, 0, 12))), 1);
    assertThat(a.positives()).containsExactly(16 + 2, 16 + 3, 16 + 4);
    assertThat(a.offsets()).containsExactly(2.25f, 3.75f, 3.25f, 2.75f, 4.25f, 1.75f);
  }

  @Test
  void withoutCentreSamplingEveryInnerPointCounts() {
    TargetAssigner.Assignment a = new TargetAssigner(0)
        .assign(pyramid, VideoTargets.of(16, 16, List.of(new LabeledSegment(0, 4, 8))), 1);
    // Positions [3.5, 7.5]: points 4..7 at stride 1 (farthest boundary <= 3.5); none at stride 2.
    assertThat(a.positives()).containsExactly(4, 5, 6, 7);
  }

  @Test
  void theShortestActionWinsAndTiesAreMultiLabel() {
    TargetAssigner.Assignment a = new TargetAssigner(0).assign(pyramid, VideoTargets.of(16, 16, List.of(
        new LabeledSegment(0, 2, 10), new LabeledSegment(1, 4, 8), new LabeledSegment(2, 4, 8))), 3);
    // Point 5 lies in all three; the two of length 4 win, the first sets the offsets.
    int i = java.util.Arrays.binarySearch(a.positives(), 5);
    assertThat(i).isNotNegative();
    assertThat(new float[] {a.classTargets()[15], a.classTargets()[16], a.classTargets()[17]})
        .containsExactly(0f, 1f, 1f);
    assertThat(new float[] {a.offsets()[2 * i], a.offsets()[2 * i + 1]}).containsExactly(1.5f, 2.5f);
  }

  @Test
  void actionsAreClippedToTheVideoAndEmptyVideosHaveNoPositives() {
    TargetAssigner assigner = new TargetAssigner(1.5);
    assertThat(assigner.assign(pyramid, VideoTargets.of(16, 16, List.of()), 2).positiveCount()).isZero();
    assertThat(assigner.assign(pyramid, VideoTargets.of(16, 16, List.of(new LabeledSegment(0, 20, 30))), 2)
        .positiveCount()).isZero();
    TargetAssigner.Assignment clipped = assigner.assign(pyramid,
        VideoTargets.of(16, 16, List.of(new LabeledSegment(0, 14, 40))), 1);  // -> positions [13.5, 15.5]
    assertThat(clipped.positives()).containsExactly(14, 15);
  }

  @Test
  void rejectsLabelsBeyondTheClassesAndAnotherL() {
    TargetAssigner assigner = new TargetAssigner(1.5);
    assertThatThrownBy(() -> assigner.assign(pyramid, VideoTargets.of(16, 16, List.of(new LabeledSegment(3, 1, 2))), 3))
        .hasMessageContaining("label 3");
    assertThatThrownBy(() -> assigner.assign(pyramid, VideoTargets.of(16, 8, List.of()), 3))
        .hasMessageContaining("L = 8");
  }
}
