package dev.lofi.trainer.promotion;

import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.topics.record.ModelDecision.Decision;
import java.time.Instant;
import java.util.Optional;

/**
 * Which checkpoint of a model serves: its newest on {@code lofi.checkpoints}, the one localizers
 * load. It changes here only, each change followed by its {@link ModelDecision}: a candidate (kept
 * under {@link #candidateOf(String)}) promoted, or an earlier checkpoint made to serve again.
 */
public final class ServingModel {

  /** What a model's candidates are named after it: {@code lofi-cpu} has {@code lofi-cpu-candidate}. */
  public static final String CANDIDATE_SUFFIX = "-candidate";

  private final String model;
  private final CheckpointStore store;
  private final ModelDecisions decisions;

  /** @param model the serving model's name, e.g. {@code lofi-cpu} */
  public ServingModel(String bootstrap, String model) {
    this.model = model;
    this.store = new CheckpointStore(bootstrap);
    this.decisions = new ModelDecisions(bootstrap);
  }

  /** The model name candidates of {@code model} are published under, so that they never serve unseen. */
  public static String candidateOf(String model) {
    return model + CANDIDATE_SUFFIX;
  }

  public String model() {
    return model;
  }

  /** The checkpoint serving now, or empty when the model has none. */
  public Optional<Checkpoint> current() {
    return store.latest(model);
  }

  /**
   * Makes {@code version} serve, by hand: a candidate's (the gate may have refused it) or one the
   * model keeps.
   *
   * @throws IllegalArgumentException if neither the candidates nor the model keep it
   */
  public ModelDecision promote(String version, String reason) {
    Checkpoint chosen = store.version(candidateOf(model), version).or(() -> store.version(model, version))
        .orElseThrow(() -> new IllegalArgumentException("no checkpoint " + version + " of " + model + " or "
            + candidateOf(model) + " on " + TopicCatalog.CHECKPOINTS.name() + "; kept: " + model + " "
            + store.versions(model) + ", " + candidateOf(model) + " " + store.versions(candidateOf(model))));
    return serve(chosen, current(), Decision.PROMOTED, null, null, null, reason);
  }

  /**
   * Makes an earlier checkpoint of the model serve again, by hand.
   *
   * @throws IllegalArgumentException if the model does not keep {@code version}, or it serves already
   */
  public ModelDecision rollback(String version, String reason) {
    Checkpoint chosen = store.version(model, version).orElseThrow(() -> new IllegalArgumentException(
        "no checkpoint " + version + " of " + model + " to roll back to; kept: " + store.versions(model)));
    Optional<Checkpoint> serving = current();
    if (serving.isPresent() && serving.get().manifest().version().equals(version)) {
      throw new IllegalArgumentException(model + "@" + version + " serves already");
    }
    return serve(chosen, serving, Decision.ROLLED_BACK, null, null, null, reason);
  }

  /**
   * Publishes {@code chosen} as the model's newest checkpoint in place of {@code serving} (read by
   * the caller, which has it already), then its decision. In that order: a
   * decision on the topic always happened (a crash between the two leaves a change without its
   * record, which the checkpoint topic still shows, rather than a record of nothing).
   */
  ModelDecision serve(Checkpoint chosen, Optional<Checkpoint> serving, Decision decision, Double candidateScore,
      Double servingScore, Double tolerance, String reason) {
    store.republish(chosen, model);
    ModelDecision record = new ModelDecision(model, decision, CheckpointConfig.versionOf(chosen.manifest()),
        serving.map(c -> CheckpointConfig.versionOf(c.manifest())).orElse(null), candidateScore, servingScore,
        tolerance, reason, Instant.now());
    decisions.publish(record);
    return record;
  }

  /** Records a refusal: the serving checkpoint stays. */
  ModelDecision refuse(Checkpoint candidate, Optional<Checkpoint> serving, double candidateScore,
      double servingScore, double tolerance, String reason) {
    ModelDecision record = new ModelDecision(model, Decision.REFUSED, CheckpointConfig.versionOf(candidate.manifest()),
        serving.map(c -> CheckpointConfig.versionOf(c.manifest())).orElse(null), candidateScore, servingScore,
        tolerance, reason, Instant.now());
    decisions.publish(record);
    return record;
  }
}
