package dev.lofi.model.head.gtad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnchorGridTest {

  @Test
  void cellsAreDurationByStartAndOnlyThoseInsideTheVideoCount() {
    AnchorGrid grid = new AnchorGrid(4, 0);
    assertThat(grid.durations()).isEqualTo(4);
    assertThat(grid.cells()).isEqualTo(16);
    int inside = 0;
    for (int c = 0; c < grid.cells(); c++) {
      inside += grid.inside(c) ? 1 : 0;
    }
    assertThat(inside).isEqualTo(4 + 3 + 2 + 1);
    assertThat(new AnchorGrid(10, 3).durations()).isEqualTo(3);
    assertThat(new AnchorGrid(2, 3).durations()).isEqualTo(2);
  }

  @Test
  void samplesSitEvenlyAlongTheSegmentBetweenSnippetCentres() {
    AnchorGrid grid = new AnchorGrid(8, 0);
    AnchorGrid.Sampling s = grid.sampling(2);
    int cell = 3 * 8 + 2;                                   // snippets 2..5, edges [2, 6]
    // samples at edges 3 and 5: positions 2.5 and 4.5, halfway between snippets
    assertThat(s.lower()[2 * cell]).isEqualTo(2);
    assertThat(s.upper()[2 * cell]).isEqualTo(3);
    assertThat(s.upperWeight()[2 * cell]).isCloseTo(0.5f, within(1e-6f));
    assertThat(s.lower()[2 * cell + 1]).isEqualTo(4);
    int past = 3 * 8 + 6;                                   // would end at edge 10
    assertThat(s.lowerWeight()[2 * past] + s.upperWeight()[2 * past]).isZero();
  }
}
