package dev.lofi.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

  @Test
  void aPerfectRankingHasApOne() {
    assertThat(AveragePrecision.interpolated(new double[] {1, 1}, new double[] {0.5, 1})).isEqualTo(1.0);
  }

  @Test
  void recallNeverReachedAddsNothing() {
    assertThat(AveragePrecision.interpolated(new double[] {1}, new double[] {0.5})).isEqualTo(0.5);
  }

  @Test
  void aFalsePositiveFirstHalvesTheArea() {
    // FP then TP of the only instance: precision 0 then 1/2, recall 0 then 1.
    assertThat(AveragePrecision.interpolated(new double[] {0, 0.5}, new double[] {0, 1})).isEqualTo(0.5);
  }

  @Test
  void aDipInPrecisionIsLiftedToTheBestPrecisionAtHigherRecall() {
    // TP, FP, TP of three instances: precision 1, 1/2, 2/3; recall 1/3, 1/3, 2/3.
    // Interpolated: 1/3 at precision 1, then 1/3 at precision 2/3 (not 1/2): 5/9.
    double ap = AveragePrecision.interpolated(new double[] {1, 0.5, 2.0 / 3}, new double[] {1.0 / 3, 1.0 / 3, 2.0 / 3});
    assertThat(ap).isCloseTo(5.0 / 9, within(1e-12));
  }

  @Test
  void noRanksHaveApZero() {
    assertThat(AveragePrecision.interpolated(new double[0], new double[0])).isZero();
  }

  @Test
  void arraysOfDifferentLengthsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> AveragePrecision.interpolated(new double[1], new double[2]))
        .withMessage("precision and recall differ in length: 1 vs 2");
  }
}
