package dev.lofi.cli.demo;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.data.TrainingSet;
import dev.lofi.trainer.memory.MemoryBudget;
import dev.lofi.trainer.memory.StepMemoryEstimate;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import dev.lofi.trainer.pipeline.TrainingPipeline;
import dev.lofi.trainer.stage.FeatureExtractionSettings;
import dev.lofi.trainer.stage.HeadTrainingSettings;
import dev.lofi.trainer.stage.JointTrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Trains one configuration of one seed from the seed's pre-trained network, as {@code lofi train}
 * would: joint training at its fidelities (none for the baseline), full-fidelity features, then a
 * fresh head on them. No stage looks at the held-out videos: the live localizer scores them once,
 * after training. Where the settings validate, joint and head training score the validation videos
 * after each epoch, as {@code lofi train} does; where the validation videos are the held-out ones
 * (the demo), they do not, which would show the held-out videos to the run before its result. Memory is checked
 * against the run's budget first, so full-fidelity joint training is refused with its estimate
 * instead of tried.
 */
final class ConfigurationTraining {

  /**
   * What training a configuration left.
   *
   * @param model the checkpoint model the localizer loads
   * @param metrics every step and epoch measurement of its stages
   * @param stepBytes the estimated memory of a joint step, or 0 when the configuration trains no encoder
   * @param stageSeconds each stage's wall time, by stage name, in order; the shared pre-training
   *     left out
   */
  record Trained(String model, List<TrainerMetric> metrics, long stepBytes, Map<String, Double> stageSeconds) {

    /** Every stage's wall time. */
    double seconds() {
      return stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  /**
   * A configuration the budget refused.
   *
   * @param reason the estimate's explanation
   * @param estimatedBytes what one step would need
   */
  record Refused(String reason, long estimatedBytes) {}

  private final String bootstrap;
  private final DemoSettings settings;
  private final NetworkConfig network;
  private final Map<String, StepMemoryEstimate> estimates;
  private final MemoryBudget budget;

  /**
   * The run's budget is what the costliest LoFi fidelity's step needs, and a quarter more, as the
   * paper gives every LoFi setting the memory of one frozen-encoder pipeline's GPU.
   */
  ConfigurationTraining(String bootstrap, DemoSettings settings, NetworkConfig network) {
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.network = network;
    this.estimates = StepMemoryEstimate.forPreset(network, FidelityPreset.CPU, settings.training().batch());
    long lofi = stepBytes(DemoConfiguration.C);
    this.budget = new MemoryBudget(lofi + lofi / 4);
  }

  /** The estimate that refuses {@code configuration}, if the budget does. */
  Optional<Refused> refusal(DemoConfiguration configuration) {
    if (!configuration.joint()) {
      return Optional.empty();
    }
    long needed = stepBytes(configuration);
    return budget.fits(needed) ? Optional.empty()
        : Optional.of(new Refused("does not fit the " + MemoryBudget.format(budget.bytes()) + " budget", needed));
  }

  /** What the costliest of {@code configuration}'s fidelities needs for one joint step. */
  private long stepBytes(DemoConfiguration configuration) {
    return configuration.fidelities().stream().mapToLong(f -> estimates.get(f).totalBytes()).max().orElseThrow();
  }

  /** Trains {@code configuration} for {@code seed} from {@code pretrained}, whose labels it keeps. */
  Trained train(DemoConfiguration configuration, long seed, Checkpoint pretrained, Consumer<TrainerMetric> steps) {
    String model = configuration.model(seed);
    List<TrainerMetric> metrics = new ArrayList<>();
    StageListener collect = new StageListener() {
      @Override
      public void stepFinished(TrainerMetric metric) {
        metrics.add(metric);
        steps.accept(metric);
      }

      @Override
      public void epochFinished(TrainerMetric metric) {
        metrics.add(metric);
      }
    };
    DemoSettings.Training training = settings.training();
    Map<String, Double> stageSeconds;
    try (MetricsPublisher publisher = new MetricsPublisher(bootstrap, model, collect)) {
      // The demo prints a line per configuration of its own; the stages' lines would bury it.
      TrainingPipeline pipeline = new TrainingPipeline(bootstrap, publisher, line -> {});
      String encoder = pretrained.manifest().model();
      if (configuration.joint()) {
        pipeline.lofi(JointTrainingSettings.builder(model).optFidelities(configuration.fidelities())
            .optEpochs(training.lofiEpochs()).optBatchSize(training.batch()).optLearningRate(training.learningRate())
            .optSeed(seed).optValidationFidelity(training.validate() ? JointTrainingSettings.VALIDATION_FIDELITY : null)
            .build(), Optional.of(pretrained),
            classes -> network, Optional.empty());
        encoder = model;
      }
      List<String> subsets = training.validate() ? FeatureExtractionSettings.DEFAULT_SUBSETS
          : List.of(TrainingSet.TRAINING);
      pipeline.extract(new FeatureExtractionSettings(encoder, FeatureExtractionSettings.FULL, subsets,
          FeatureExtractionSettings.DEFAULT_BATCH));
      // The live localizer loads the finished head only: a checkpoint per head epoch, a whole network
      // each, would cost more than the epoch's training.
      pipeline.head(HeadTrainingSettings.builder(encoder, model).optEpochs(training.headEpochs())
          .optBatchSize(training.batch()).optLearningRate(training.learningRate()).optSeed(seed)
          .optCheckpointEvery(training.headEpochs()).build());
      stageSeconds = pipeline.stageSeconds();
    }
    // Estimated, not measured: configurations train one after another in this JVM, whose resident
    // size keeps what earlier ones freed (PeakMemory); lofi bench train measures a step alone.
    long stepBytes = configuration.joint() ? stepBytes(configuration) : 0;
    return new Trained(model, metrics, stepBytes, stageSeconds);
  }
}
