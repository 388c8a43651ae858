package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.topics.record.CheckpointManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BestEpochTest {

  /** The epoch a stage should end on for these scores: the highest, the later of equals. */
  static int lastIndexOfMax(List<Double> scores) {
    int best = 0;
    for (int i = 1; i < scores.size(); i++) {
      if (scores.get(i) >= scores.get(best)) {
        best = i;
      }
    }
    return best;
  }

  private static final CheckpointManifest LAST = new CheckpointManifest("m", "lofi-e3-s40-00000000", "lofi", 3,
      40, Map.of(), Map.of(), "0".repeat(64), 1, 1, Instant.EPOCH);

  @Test
  void anEarlierBetterEpochIsPublishedAgainWithItsParametersAndMetrics() {
    BestEpoch best = new BestEpoch("validation average mAP");
    offer(best, 0.10, 0.30, 0.20, 0.25);
    List<BestEpoch.Candidate> republished = new ArrayList<>();
    CheckpointManifest finished = best.finish(LAST, kept -> {
      republished.add(kept);
      return LAST;
    });
    assertThat(finished).isSameAs(LAST);
    assertThat(republished).singleElement().satisfies(kept -> {
      assertThat(kept.epoch()).isEqualTo(1);
      assertThat(kept.step()).isEqualTo(20);
      assertThat(kept.parameters()).containsExactly(1);
      assertThat(kept.metrics()).containsEntry("average_map", 0.30);
    });
    assertThat(best.describe()).isEqualTo("; kept epoch 2 by validation average mAP 0.3000 (last epoch 4: 0.2500)");
  }

  @Test
  void theLastEpochStandsWhenItIsTheBestOrTiesIt() {
    BestEpoch best = new BestEpoch("validation accuracy");
    offer(best, 0.5, 0.2, 0.5);
    assertThat(best.finish(LAST, kept -> {
      throw new AssertionError("nothing to publish again");
    })).isSameAs(LAST);
  }

  @Test
  void withoutScoresTheLastEpochStandsAndNoParametersAreSaved() {
    BestEpoch best = new BestEpoch("validation accuracy");
    AtomicInteger saved = new AtomicInteger();
    for (int epoch = 0; epoch < 3; epoch++) {
      best.offer(epoch, epoch, null, Map.of(), () -> new byte[saved.incrementAndGet()]);
    }
    assertThat(saved).hasValue(0);
    assertThat(best.finish(LAST, kept -> {
      throw new AssertionError("nothing to publish again");
    })).isSameAs(LAST);
    assertThat(best.describe()).isEmpty();
  }

  @Test
  void aNonFiniteScoreNeverWinsAndParametersAreSavedOnlyForANewBest() {
    BestEpoch best = new BestEpoch("validation average mAP");
    AtomicInteger saved = new AtomicInteger();
    double[] scores = {0.2, Double.NaN, 0.1, 0.3};
    for (int epoch = 0; epoch < scores.length; epoch++) {
      best.offer(epoch, epoch, scores[epoch], Map.of(), () -> new byte[saved.incrementAndGet()]);
    }
    assertThat(saved).hasValue(2);
    assertThat(best.describe()).startsWith("; kept epoch 4 ");
  }

  /** Offers epochs 0, 1, ... with these scores, epoch {@code e} at step {@code 10 (e + 1)} and parameters {@code [e]}. */
  private static void offer(BestEpoch best, double... scores) {
    for (int epoch = 0; epoch < scores.length; epoch++) {
      byte[] parameters = {(byte) epoch};
      best.offer(epoch, 10L * (epoch + 1), scores[epoch], Map.of("average_map", scores[epoch]), () -> parameters);
    }
  }
}
