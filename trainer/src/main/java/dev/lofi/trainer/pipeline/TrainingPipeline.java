package dev.lofi.trainer.pipeline;

import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.trainer.memory.MemoryBudget;
import dev.lofi.trainer.memory.StepMemoryEstimate;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.stage.FeatureExtraction;
import dev.lofi.trainer.stage.FeatureExtractionSettings;
import dev.lofi.trainer.stage.HeadTraining;
import dev.lofi.trainer.stage.HeadTrainingSettings;
import dev.lofi.trainer.stage.JointTraining;
import dev.lofi.trainer.stage.JointTrainingSettings;
import dev.lofi.trainer.stage.Pretraining;
import dev.lofi.trainer.stage.PretrainingSettings;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * LoFi's training method from the clip topics to a checkpoint the localizer loads: pretrain, lofi
 * (joint encoder and head at low fidelity), extract, head; the frozen-encoder baseline leaves lofi
 * out. {@code lofi train}, the demo and the benchmarks call it, so each stage starts from the same
 * place whoever runs it, and says in the report what that is. Each stage's wall time is kept.
 */
public final class TrainingPipeline {

  /**
   * A step memory budget to check the lofi stage's network against before anything is built.
   *
   * @param preset the fidelities the stage's names are looked up in
   */
  public record StepBudget(MemoryBudget budget, FidelityPreset preset) {}

  private final String bootstrap;
  private final MetricsPublisher metrics;
  private final Consumer<String> report;
  private final Map<String, Double> stageSeconds = new LinkedHashMap<>();

  /**
   * @param metrics where every stage's step and epoch metrics go
   * @param report a line for a person per stage: what it starts from, what it made, how long it took
   */
  public TrainingPipeline(String bootstrap, MetricsPublisher metrics, Consumer<String> report) {
    this.bootstrap = bootstrap;
    this.metrics = metrics;
    this.report = report;
  }

  /**
   * Stage (1): the encoder learns to classify trimmed clips, or the training videos' segments
   * where there are none.
   *
   * @param network the structure; the stage sizes its head for the localization labels
   */
  public Pretraining.Result pretrain(PretrainingSettings settings, NetworkConfig network) {
    Pretraining.Result result = timed(Pretraining.STAGE, () -> new Pretraining(bootstrap, settings, metrics)
        .run(network));
    report.accept(String.format(Locale.ROOT, "pretrain: %s; %d steps, accuracy by epoch %s%s; checkpoint %s@%s",
        result.source(), result.steps(), decimals(result.epochAccuracies(), 2),
        result.epochValidationAccuracies().isEmpty() ? ""
            : ", validation accuracy by epoch " + decimals(result.epochValidationAccuracies(), 2)
                + kept(result.epochValidationAccuracies().size(), result.checkpoint()),
        result.checkpoint().model(), result.checkpoint().version()));
    return result;
  }

  /**
   * Stage (1) without training: the encoder of a network saved by {@code lofi train --export}, under
   * a fresh head for the training videos' labels at {@code fidelities}.
   */
  public CheckpointManifest pretrainFrom(Path saved, PretrainingSettings settings, NetworkConfig network,
      List<String> fidelities) {
    CheckpointManifest checkpoint = timed(Pretraining.STAGE, () -> new Pretraining(bootstrap, settings, metrics)
        .startFrom(saved, network, JointTraining.labels(bootstrap, fidelities)));
    report.accept(String.format("pretrain: encoder taken from %s; checkpoint %s@%s", saved, checkpoint.model(),
        checkpoint.version()));
    return checkpoint;
  }

  /**
   * Stage (2): encoder and head together at low fidelity, from {@code pretrained} where given (its
   * structure, labels and parameters, whatever stage made it: a pretrain checkpoint, or a head or
   * lofi one to fine-tune), else from fresh parameters of {@code scratch}'s structure for the
   * training videos' labels. The report names which.
   *
   * @param scratch the structure for a run from scratch, given its class count
   * @param budget where given, a network whose step would not fit is refused before it is built
   * @return the result; its checkpoint is null when the model had no epoch left to train
   */
  public JointTraining.Result lofi(JointTrainingSettings settings, Optional<Checkpoint> pretrained,
      IntFunction<NetworkConfig> scratch, Optional<StepBudget> budget) {
    Optional<CheckpointConfig> from = pretrained.map(c -> CheckpointConfig.of(c.manifest()));
    List<String> labels = from.map(CheckpointConfig::labels)
        .orElseGet(() -> JointTraining.labels(bootstrap, settings.fidelities()));
    NetworkConfig network = from.map(CheckpointConfig::network).orElseGet(() -> scratch.apply(labels.size()));
    budget.ifPresent(b -> StepMemoryEstimate.check(b.budget(), network, b.preset(), settings.fidelities(),
        settings.batchSize()));
    report.accept(pretrained.map(c -> "lofi: starting from " + CheckpointConfig.versionOf(c.manifest())
        + " (stage " + c.manifest().stage() + "): its encoder and head, classes " + labels)
        .orElse("lofi: starting from fresh parameters: " + settings.model() + " has no checkpoint to start from"));
    if (pretrained.isPresent()) {
      List<String> unknown = JointTraining.labels(bootstrap, settings.fidelities()).stream()
          .filter(label -> !labels.contains(label)).toList();
      if (!unknown.isEmpty()) {
        report.accept("lofi: the training videos' labels " + unknown + " are not among the checkpoint's classes: "
            + "their segments count as background here; the head stage adds them");
      }
    }
    announce(settings, labels);
    return lofiDone(timed(JointTraining.STAGE, () -> new JointTraining(bootstrap, settings, metrics)
        .run(network, labels, pretrained.map(Checkpoint::parameters))), settings);
  }

  /**
   * Stage (2) continued after a kill, from the model's latest {@code lofi} checkpoint (its structure
   * and labels) and the epoch after it.
   *
   * @throws IllegalStateException if the model's latest checkpoint is not of the lofi stage
   */
  public JointTraining.Result resumeLofi(JointTrainingSettings settings, Optional<StepBudget> budget) {
    Optional<Checkpoint> latest = new CheckpointStore(bootstrap).latest(settings.model());
    if (latest.isEmpty() || !latest.get().manifest().stage().equals(JointTraining.STAGE)) {
      throw new IllegalStateException("nothing to resume: the latest checkpoint of " + settings.model() + " is "
          + latest.map(c -> "of stage " + c.manifest().stage()).orElse("missing") + ", not of stage "
          + JointTraining.STAGE);
    }
    CheckpointConfig config = CheckpointConfig.of(latest.get().manifest());
    List<String> labels = config.labels();
    NetworkConfig network = config.network();
    budget.ifPresent(b -> StepMemoryEstimate.check(b.budget(), network, b.preset(), settings.fidelities(),
        settings.batchSize()));
    CheckpointManifest m = latest.get().manifest();
    report.accept(String.format("lofi: resuming from %s@%s: its epoch %d was the last done, training goes on from "
        + "epoch %d, after step %d", m.model(), m.version(), m.epoch(), m.epoch() + 1, m.step()));
    announce(settings, labels);
    return lofiDone(timed(JointTraining.STAGE, () -> new JointTraining(bootstrap, settings, metrics)
        .resume(network, labels)), settings);
  }

  /** Stage (3): the frozen encoder's full-fidelity features of every video, to {@code lofi.features}. */
  public FeatureExtraction.Result extract(FeatureExtractionSettings settings) {
    FeatureExtraction.Result result = timed(FeatureExtraction.STAGE, () -> new FeatureExtraction(bootstrap,
        settings, metrics).run());
    report.accept(String.format("extract: %d feature sequences from %s@%s to lofi.features %s; already there "
        + "from the same encoder and clips %s; left out %s", result.total(), result.checkpoint().model(),
        result.checkpoint().version(), result.extracted(), result.reused(), result.skipped()));
    return result;
  }

  /** Stage (4): a fresh head on the features, saved with the encoder as one checkpoint. */
  public HeadTraining.Result head(HeadTrainingSettings settings) {
    HeadTraining.Result result = timed(HeadTraining.STAGE, () -> new HeadTraining(bootstrap, settings, metrics)
        .run());
    List<Double> losses = result.epochLosses();
    report.accept(String.format(Locale.ROOT, "head: %d steps in %d epochs, epoch loss %.3f first, %.3f last, "
        + "encoder %s%s; checkpoint %s@%s", result.steps(), losses.size(), losses.get(0), losses.get(losses.size() - 1),
        result.encoder(), kept(result.epochMaps().size(), result.checkpoint()), result.checkpoint().model(),
        result.checkpoint().version()));
    return result;
  }

  /** Each stage's wall time so far, in seconds, by stage name in the order they ran (a stage run twice adds up). */
  public Map<String, Double> stageSeconds() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
  }

  private void announce(JointTrainingSettings settings, List<String> labels) {
    report.accept(String.format("lofi: %d classes %s, fidelities %s (%s cycle), %d epochs of batch %d",
        labels.size(), labels, settings.fidelities(), settings.cycle(),
        settings.epochs(), settings.batchSize()));
  }

  private JointTraining.Result lofiDone(JointTraining.Result result, JointTrainingSettings settings) {
    if (result.checkpoint() == null) {
      report.accept("lofi: nothing left to train: " + settings.model() + " already has its " + settings.epochs()
          + " epochs");
    } else {
      report.accept(String.format("lofi: %d steps, epoch losses %s%s; checkpoint %s@%s on lofi.checkpoints",
          result.steps(), decimals(result.epochLosses(), 3), kept(result.epochMaps().size(), result.checkpoint()),
          result.checkpoint().model(), result.checkpoint().version()));
    }
    return result;
  }

  private <T> T timed(String stage, Supplier<T> run) {
    long started = System.nanoTime();
    T result = run.get();
    double seconds = (System.nanoTime() - started) / 1e9;
    stageSeconds.merge(stage, seconds, Double::sum);
    report.accept(String.format(Locale.ROOT, "stage %s took %.1f s", stage, seconds));
    return result;
  }

  private static List<String> decimals(List<Double> values, int digits) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%." + digits + "f", v)).toList();
  }

  /** Which validated epoch the stage ended on, where validation chose it. */
  private static String kept(int validatedEpochs, CheckpointManifest checkpoint) {
    return validatedEpochs == 0 ? "" : String.format(Locale.ROOT, " (kept epoch %d, the best on validation)",
        checkpoint.epoch() + 1);
  }
}
