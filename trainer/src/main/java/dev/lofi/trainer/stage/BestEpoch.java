package dev.lofi.trainer.stage;

import dev.lofi.topics.record.CheckpointManifest;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The epoch a stage ends on: the one with the best validation score rather than the last, as
 * ActionFormer and OpenTAD keep their best validation checkpoint. A few dozen videos overfit
 * within a stage and the score swings from epoch to epoch, so the last epoch is often not the
 * best. An epoch without a score never wins; when none has one, the last epoch stands. A tie goes
 * to the later epoch, which has trained longer.
 */
final class BestEpoch {

  /** An epoch's checkpoint, kept so that it can be published again once the stage is over. */
  record Candidate(int epoch, long step, double score, Map<String, Double> metrics, byte[] parameters) {}

  private final String scoreName;
  private Candidate best;
  private Double lastScore;
  private int lastEpoch = -1;

  /** @param scoreName what the score is, for the stage's summary (e.g. "validation average mAP") */
  BestEpoch(String scoreName) {
    this.scoreName = scoreName;
  }

  /**
   * Records an epoch's score; {@code parameters} is asked for only when the epoch is the best so far.
   *
   * @param score the validation score, higher is better; null without validation
   * @param metrics the checkpoint metrics the epoch was published with
   */
  void offer(int epoch, long step, Double score, Map<String, Double> metrics, Supplier<byte[]> parameters) {
    lastEpoch = epoch;
    lastScore = score;
    if (score != null && Double.isFinite(score) && (best == null || score >= best.score())) {
      best = new Candidate(epoch, step, score, Map.copyOf(metrics), parameters.get());
    }
  }

  /**
   * The stage's final checkpoint: {@code last} where the last epoch is the best or nothing was
   * scored, else what {@code republish} makes of the best epoch (the model's latest checkpoint
   * again, so that the next stage and running localizers take it).
   */
  CheckpointManifest finish(CheckpointManifest last, Function<Candidate, CheckpointManifest> republish) {
    if (best == null || best.epoch() == lastEpoch) {
      return last;
    }
    return republish.apply(best);
  }

  /** In words, for the stage's summary: which epoch was kept and why; empty when nothing was scored. */
  String describe() {
    if (best == null) {
      return "";
    }
    return String.format(Locale.ROOT, "; kept epoch %d by %s %.4f (last epoch %d: %s)", best.epoch() + 1, scoreName,
        best.score(), lastEpoch + 1, lastScore == null ? "not scored" : String.format(Locale.ROOT, "%.4f", lastScore));
  }
}
