package dev.lofi.trainer.promotion;

import ai.djl.ndarray.NDManager;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.trainer.data.ClipFetcher;
import dev.lofi.trainer.validation.VideoValidation;
import java.util.Locale;
import java.util.Optional;

/**
 * Lets a candidate serve only if it localizes the validation videos about as well as the model
 * serving now: both run whole, encoder included, on the same videos' snippets at the inference
 * fidelity, each with its own classes, and are scored as {@code lofi evaluate} scores (average mAP
 * at tIoU 0.5:0.95). A class one of them lacks scores 0 for it, so a candidate that adds a class
 * the videos hold gains, and one that loses a class pays. The decision goes to {@code
 * lofi.model.decisions} with both scores.
 */
public final class PromotionGate {

  /** How much lower a candidate's average mAP may be than the serving one's: one point. */
  public static final double DEFAULT_TOLERANCE = 0.01;

  private final String bootstrap;
  private final String fidelity;
  private final double tolerance;
  private final ServingModel serving;

  /**
   * @param serving the model whose serving checkpoint candidates are measured against
   * @param fidelity the clips the validation videos are scored on (inference's: full)
   * @param tolerance see {@link #DEFAULT_TOLERANCE}
   */
  public PromotionGate(String bootstrap, ServingModel serving, String fidelity, double tolerance) {
    if (!(tolerance >= 0 && tolerance <= 1)) {
      throw new IllegalArgumentException("the gate's tolerance is a difference of mAP in [0, 1], got " + tolerance);
    }
    this.bootstrap = bootstrap;
    this.serving = serving;
    this.fidelity = fidelity;
    this.tolerance = tolerance;
  }

  /**
   * Scores {@code candidate} and the serving checkpoint, then promotes the candidate or refuses it.
   *
   * @throws IllegalStateException if there is no annotated validation video to score on: the gate
   *     will not decide blind
   */
  public ModelDecision decide(Checkpoint candidate) {
    Optional<Checkpoint> current = serving.current();
    double candidateScore = score(candidate);
    if (current.isEmpty()) {
      return serving.serve(candidate, current, ModelDecision.Decision.PROMOTED, candidateScore, null, tolerance,
          String.format(Locale.ROOT, "nothing served %s yet; candidate scored %.4f", serving.model(), candidateScore));
    }
    double servingScore = score(current.get());
    String scores = String.format(Locale.ROOT, "candidate %.4f, serving %.4f, tolerance %.4f", candidateScore,
        servingScore, tolerance);
    if (candidateScore >= servingScore - tolerance) {
      return serving.serve(candidate, current, ModelDecision.Decision.PROMOTED, candidateScore, servingScore,
          tolerance, "validation average mAP " + scores + ": not worse beyond the tolerance");
    }
    return serving.refuse(candidate, current, candidateScore, servingScore, tolerance,
        "validation average mAP " + scores + ": worse beyond the tolerance; the serving checkpoint stays");
  }

  /** The validation's average mAP of a checkpoint's whole network. */
  double score(Checkpoint checkpoint) {
    CheckpointConfig config = CheckpointConfig.of(checkpoint.manifest());
    VideoValidation validation = VideoValidation.load(bootstrap, fidelity, config.labels()).orElseThrow(() ->
        new IllegalStateException("no annotated validation video at fidelity '" + fidelity + "' to score "
            + CheckpointConfig.versionOf(checkpoint.manifest()) + " on: ingest some with --subset validation"));
    try (NDManager manager = NDManager.newBaseManager();
         ClipFetcher fetcher = new ClipFetcher(bootstrap)) {
      LocalizationNetwork network = NetworkCheckpoint.load(manager, checkpoint,
          NetworkCheckpoint.exampleInput(config.network()));
      return validation.run(network, manager, fetcher).averageMAP();
    }
  }
}
