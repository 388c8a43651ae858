package dev.lofi.cli.demo;

import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.memory.MemoryBudget;
import dev.lofi.trainer.memory.StepMemoryEstimate;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.TrainingListener;
import dev.lofi.trainer.stage.Cycle;
import dev.lofi.trainer.stage.FeatureExtraction;
import dev.lofi.trainer.stage.FeatureExtractionSettings;
import dev.lofi.trainer.stage.HeadTraining;
import dev.lofi.trainer.stage.HeadTrainingSettings;
import dev.lofi.trainer.stage.JointTraining;
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
 * after training, and validating every epoch on them would cost a share of each stage (the whole
 * network at full fidelity, in joint training) and show them to the run before its result. Memory
 * is checked against the run's budget first, so full-fidelity joint training is refused with its
 * estimate instead of tried.
 */
final class ConfigurationTraining {

  /** The subset the head trains on; the held-out videos are SynthTAL's {@code validation} subset. */
  private static final String TRAINING_SUBSET = "training";

  /**
   * What training a configuration left.
   *
   * @param model the checkpoint model the localizer loads
   * @param metrics every step and epoch measurement of its stages
   * @param stepBytes the estimated memory of a joint step, or 0 when the configuration trains no encoder
   * @param seconds its stages' wall time, the shared pre-training left out
   */
  record Trained(String model, List<TrainerMetric> metrics, long stepBytes, double seconds) {}

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
    this.estimates = StepMemoryEstimate.forPreset(network, FidelityPreset.CPU, settings.batch());
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
  Trained train(DemoConfiguration configuration, long seed, Checkpoint pretrained, List<String> labels,
      Consumer<TrainerMetric> steps) {
    String model = configuration.model(seed);
    List<TrainerMetric> metrics = new ArrayList<>();
    TrainingListener collect = new TrainingListener() {
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
    long started = System.nanoTime();
    try (MetricsPublisher publisher = new MetricsPublisher(bootstrap, model, collect)) {
      String source = pretrained.manifest().model();
      if (configuration.joint()) {
        new JointTraining(bootstrap, new JointTrainingSettings(model, configuration.fidelities(), Cycle.LONG, 16,
            settings.lofiEpochs(), settings.batch(), settings.learningRate(), seed, 0, null, null), publisher)
            .run(network, labels, Optional.of(pretrained.parameters()));
        source = model;
      }
      new FeatureExtraction(bootstrap, new FeatureExtractionSettings(source, FeatureExtractionSettings.FULL,
          List.of(TRAINING_SUBSET), FeatureExtractionSettings.DEFAULT_BATCH), publisher).run();
      // The live localizer loads the finished head only: a checkpoint per head epoch, a whole network
      // each, would cost more than the epoch's training.
      new HeadTraining(bootstrap, new HeadTrainingSettings(source, model, settings.headEpochs(), settings.batch(),
          settings.learningRate(), seed, 0, settings.headEpochs()), publisher).run();
    }
    // Estimated, not measured: configurations train one after another in this JVM, whose resident
    // size keeps what earlier ones freed (PeakMemory); lofi bench train measures a step alone.
    long stepBytes = configuration.joint() ? stepBytes(configuration) : 0;
    return new Trained(model, metrics, stepBytes, (System.nanoTime() - started) / 1e9);
  }
}
