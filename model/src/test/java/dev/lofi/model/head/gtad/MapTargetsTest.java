package dev.lofi.model.head.gtad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.model.head.VideoTargets;
import dev.lofi.model.segment.LabeledSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapTargetsTest {

  private final AnchorGrid grid = new AnchorGrid(10, 0);   // 10 snippets of 2 s

  @Test
  void theCellOfAnActionHasIouOneItsClassAndIsAProposal() {
    MapTargets t = MapTargets.of(grid, VideoTargets.of(20, 10, List.of(new LabeledSegment(2, 4, 12))), 3);
    int cell = cell(4, 2);                                  // snippets 2..5: [4 s, 12 s]
    assertThat(t.iou()[cell]).isCloseTo(1f, within(1e-6f));
    assertThat(t.proposal()[cell]).isTrue();
    assertThat(t.labels()[cell]).isEqualTo(2);
    assertThat(t.iou()[cell(2, 2)]).isCloseTo(0.5f, within(1e-6f));   // [4 s, 8 s]: half of it
    assertThat(t.labels()[cell(2, 2)]).isEqualTo(2);
    assertThat(t.proposal()[cell(2, 2)]).isFalse();
    assertThat(t.labels()[cell(1, 8)]).isEqualTo(-1);
  }

  @Test
  void startsAndEndsAreTheSnippetsNearTheBoundaries() {
    MapTargets t = MapTargets.of(grid, VideoTargets.of(20, 10, List.of(new LabeledSegment(0, 4, 12))), 1);
    // start edge 2: snippets 1 and 2 lie within 1.5 snippets of it; 0 and 3 only half
    assertThat(t.starts()).containsExactly(0, 1, 1, 0, 0, 0, 0, 0, 0, 0);
    assertThat(t.ends()).containsExactly(0, 0, 0, 0, 0, 1, 1, 0, 0, 0);
  }

  @Test
  void anOffGridActionStillHasItsBestCellAsProposalAndClassified() {
    // 1.5 snippets long: no whole-snippet cell reaches IoU 0.9
    MapTargets t = MapTargets.of(grid, VideoTargets.of(20, 10, List.of(new LabeledSegment(1, 5, 8))), 2);
    int positives = 0;
    for (int c = 0; c < grid.cells(); c++) {
      positives += t.proposal()[c] ? 1 : 0;
    }
    assertThat(positives).isEqualTo(1);
    assertThat(t.labels()).contains(1);
  }

  @Test
  void cellsPastTheVideoHaveNoTargets() {
    MapTargets t = MapTargets.of(grid, VideoTargets.of(20, 10, List.of(new LabeledSegment(0, 0, 20))), 1);
    assertThat(t.iou()[cell(10, 0)]).isEqualTo(1f);
    assertThat(t.iou()[cell(10, 1)]).isZero();              // would end at snippet 11
    assertThat(t.proposal()[cell(10, 1)]).isFalse();
  }

  @Test
  void labelsMustBeBelowTheClassCountAndLMustMatch() {
    assertThatThrownBy(() -> MapTargets.of(grid, VideoTargets.of(20, 10, List.of(new LabeledSegment(3, 0, 2))), 3))
        .hasMessageContaining("label 3");
    assertThatThrownBy(() -> MapTargets.of(grid, VideoTargets.of(20, 12, List.of()), 3)).hasMessageContaining("L = 12");
  }

  private int cell(int duration, int start) {
    return (duration - 1) * grid.snippets() + start;
  }
}
