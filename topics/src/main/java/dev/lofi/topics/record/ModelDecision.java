package dev.lofi.topics.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A decision about which checkpoint of a model serves: a candidate promoted or refused by the
 * gate, or a checkpoint made the serving one by hand ({@code lofi model promote|rollback}).
 * Checkpoints are named {@code model@version}; scores are the validation's average mAP.
 *
 * @param model the serving model's name, the record key
 * @param decision what was decided
 * @param candidate the checkpoint the decision is about
 * @param serving the checkpoint that served when it was taken, or null when none did
 * @param candidateScore the candidate's validation score, or null when not scored (by hand)
 * @param servingScore the serving checkpoint's score on the same videos, or null
 * @param tolerance how much worse than the serving score a candidate may be and still be promoted, or null
 * @param reason why, in words, for a person reading the topic
 * @param time when it was decided
 */
public record ModelDecision(
    String model,
    Decision decision,
    String candidate,
    String serving,
    Double candidateScore,
    Double servingScore,
    Double tolerance,
    String reason,
    Instant time) {

  /** What was decided; lower-case in JSON. */
  public enum Decision {
    /** The candidate serves now, by the gate's score or by hand. */
    @JsonProperty("promoted")
    PROMOTED,
    /** The gate kept the candidate out: the serving checkpoint stays. */
    @JsonProperty("refused")
    REFUSED,
    /** An earlier checkpoint of the model serves again, by hand. */
    @JsonProperty("rolled_back")
    ROLLED_BACK
  }

  public ModelDecision {
    CheckpointKeys.requireModelName(model);
    Require.nonNull("decision", decision);
    Require.nonBlank("candidate", candidate);
    if (serving != null) {
      Require.nonBlank("serving", serving);
    }
    if (candidateScore != null) {
      Require.unitInterval("candidateScore", candidateScore);
    }
    if (servingScore != null) {
      Require.unitInterval("servingScore", servingScore);
    }
    if (tolerance != null) {
      Require.finiteAtLeast("tolerance", tolerance, 0);
    }
    Require.nonBlank("reason", reason);
    Require.nonNull("time", time);
  }
}
