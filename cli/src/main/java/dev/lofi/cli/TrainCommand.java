package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.cli.monitoring.Health;
import dev.lofi.cli.monitoring.MonitoringEndpoint;
import dev.lofi.cli.monitoring.TrainerMeters;
import dev.lofi.model.checkpoint.CheckpointExport;
import dev.lofi.model.encoder.FrameInput;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.TrainingDefaults;
import dev.lofi.trainer.data.SnippetAugmentation;
import dev.lofi.trainer.follow.Follower;
import dev.lofi.trainer.follow.RetrainTrigger;
import dev.lofi.trainer.memory.MemoryBudget;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import dev.lofi.trainer.pipeline.TrainingPipeline;
import dev.lofi.trainer.promotion.ModelDecisions;
import dev.lofi.trainer.promotion.PromotionGate;
import dev.lofi.trainer.promotion.ServingModel;
import dev.lofi.trainer.stage.Cycle;
import dev.lofi.trainer.stage.FeatureExtractionSettings;
import dev.lofi.trainer.stage.HeadTrainingSettings;
import dev.lofi.trainer.stage.JointTraining;
import dev.lofi.trainer.stage.JointTrainingSettings;
import dev.lofi.trainer.stage.PretrainingSettings;
import dev.lofi.trainer.stage.SgdSchedule;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi train}: the LoFi training stages. */
@Command(name = "train", mixinStandardHelpOptions = true,
    header = "Run a LoFi training stage; publish checkpoints.",
    description = {"Runs a LoFi training stage from the clip topics and publishes its checkpoint to",
        "lofi.checkpoints: pretrain (encoder classification), lofi (joint encoder and head at low",
        "fidelity), extract (full-fidelity features), head (head on frozen features), or all.",
        "all runs pretrain, lofi, extract and head in turn (--baseline leaves lofi out: the",
        "paper's frozen-encoder comparison), each under the same model name, and says how long",
        "each stage took. lofi starts from the model's latest checkpoint when there is one (the",
        "pre-trained network, or a head or lofi checkpoint it then fine-tunes) and says which.",
        "",
        "--follow keeps running: it watches the annotated training videos and, when its trigger fires",
        "(--after-videos, a new class, --every), trains a candidate from the serving checkpoint",
        "(--stage head: extract and head on the serving encoder; --stage lofi: lofi fine-tuning, then",
        "extract and head on its encoder) and lets the gate promote it or refuse it."})
final class TrainCommand implements Callable<Integer> {

  /** How long SIGTERM waits for a retrain under way before the JVM ends it; its candidate never served. */
  private static final Duration FOLLOW_STOP_GRACE = Duration.ofSeconds(30);

  /** What {@code --stage} runs: one stage, or all of them in turn. */
  enum Stage {
    PRETRAIN, LOFI, EXTRACT, HEAD, ALL;

    /** The stages it runs, in order; the baseline leaves out the lofi stage. */
    List<Stage> runs(boolean baseline) {
      if (this != ALL) {
        return List.of(this);
      }
      return baseline ? List.of(PRETRAIN, EXTRACT, HEAD) : List.of(PRETRAIN, LOFI, EXTRACT, HEAD);
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Mixin KafkaOptions kafka;

  @Option(names = "--stage", required = true, paramLabel = "pretrain|lofi|extract|head|all", description = "Stage to run.")
  Stage stage;

  @Option(names = "--baseline", description = "With --stage all: skip the lofi stage (the frozen-encoder baseline; model baseline-PRESET).")
  boolean baseline;

  @Option(names = "--fidelities", split = ",", paramLabel = "F", defaultValue = TrainingDefaults.FIDELITIES,
      description = "Low fidelities the lofi stage cycles through (default: ${DEFAULT-VALUE}).")
  List<String> fidelities;

  @Option(names = "--cycle", paramLabel = "long|short", defaultValue = TrainingDefaults.CYCLE,
      description = "C-LoFi cycle: one fidelity per epoch (long) or a new one every --switch-every batches (short) (default: ${DEFAULT-VALUE}).")
  Cycle cycle;

  @Option(names = "--switch-every", paramLabel = "N", defaultValue = "" + TrainingDefaults.SWITCH_EVERY,
      description = "Batches between fidelity switches in the short cycle (default: ${DEFAULT-VALUE}).")
  int switchEvery;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu",
      description = "Preset: the fidelities, the network and the model's name (default: ${DEFAULT-VALUE}).")
  LofiPreset preset;

  @Option(names = "--frame-input", paramLabel = "rgb|rgb+diff|diff", defaultValue = TrainingDefaults.FRAME_INPUT,
      description = "What the encoder sees: the frames (rgb), each frame beside its difference from the one before"
          + " (rgb+diff), or the differences alone (diff: TSN's RGB difference, blind to a still background; for"
          + " actions told apart by motion). Set by the run that builds the network (pretrain, or"
          + " lofi without a pre-trained one); later stages take it from its checkpoint (default: ${DEFAULT-VALUE}).")
  String frameInput;

  @Option(names = "--head", paramLabel = "KIND", defaultValue = LofiPreset.DEFAULT_HEAD,
      completionCandidates = HeadKinds.class, converter = HeadKinds.class,
      description = "Localization head: ${COMPLETION-CANDIDATES} (G-TAD, the paper's). Set, like --frame-input, by"
          + " the run that builds the network; later stages keep their checkpoint's head (default: ${DEFAULT-VALUE}).")
  String head;

  // No defaultValue: picocli sets a negatable option to its default on the negated form, so with a
  // default of true --no-augment would leave it on. Unset means TrainingDefaults.AUGMENT.
  @Option(names = "--augment", negatable = true,
      description = "pretrain stage: mirror, shift and brighten each clip at random each epoch (default: "
          + TrainingDefaults.AUGMENT + ").")
  Boolean augment;

  @Option(names = "--freeze-bn-stats",
      description = "lofi stage: keep the pre-trained encoder's batch-norm statistics (their scale and shift still"
          + " learn), as norm_eval does; low-fidelity batches then do not rewrite what full-fidelity inference uses.")
  boolean freezeBnStats;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs of every stage run (default: pretrain " + PretrainingSettings.DEFAULT_EPOCHS + ", lofi "
          + JointTrainingSettings.DEFAULT_EPOCHS + ", head " + HeadTrainingSettings.DEFAULT_EPOCHS + ").")
  Integer epochs;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "" + TrainingDefaults.BATCH, description = "Videos per mini-batch, the same at every fidelity (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", paramLabel = "RATE",
      description = "SGD learning rate of every stage run, halved every " + SgdSchedule.HALVING_STEPS
          + " steps (default: pretrain "
          + PretrainingSettings.DEFAULT_LEARNING_RATE + ", lofi " + JointTrainingSettings.DEFAULT_LEARNING_RATE
          + ", head " + HeadTrainingSettings.DEFAULT_LEARNING_RATE
          + "; the paper's 0.1 is for batch 16).")
  Float learningRate;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the initial parameters and the epochs' orders (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--model", paramLabel = "NAME", description = "Checkpoint stream name (default: lofi-PRESET).")
  String model;

  @Option(names = "--max-steps", paramLabel = "N", defaultValue = "0", description = "Stop after N steps (0: no limit).")
  long maxSteps;

  @Option(names = "--init", paramLabel = "PATH",
      description = "pretrain stage: take the encoder from a network saved by --export (its .params file or directory) instead of training it.")
  Path init;

  @Option(names = "--resume",
      description = "lofi stage: continue a killed run from its last checkpoint (the epoch after it, same seeded order).")
  boolean resume;

  @Option(names = "--memory-budget", paramLabel = "SIZE",
      description = "Refuse, before training, a configuration whose step would not fit, e.g. 4g (estimated from the network's shapes).")
  String memoryBudget;

  @Option(names = "--export", paramLabel = "DIR", description = "Also write DJL .params and a JSON config to DIR.")
  Path export;

  @Option(names = "--signing-key", paramLabel = "PRIVATE.pem",
      description = "Sign every checkpoint published with this Ed25519 private key (lofi keygen), for localizers "
          + "that trust only its public key.")
  Path signingKey;

  @Option(names = "--candidate",
      description = "lofi or head stage: train from the model's serving checkpoint into NAME"
          + ServingModel.CANDIDATE_SUFFIX + ", then let the gate (lofi model gate) promote the result only if it"
          + " scores on the validation videos no worse than the serving one beyond --tolerance.")
  boolean candidate;

  @Option(names = "--tolerance", paramLabel = "MAP", defaultValue = "" + PromotionGate.DEFAULT_TOLERANCE,
      description = "With --candidate: how much lower its validation average mAP may be (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--follow",
      description = "Keep running: retrain the serving model into a candidate whenever the trigger fires, and let the"
          + " gate decide (with --stage head or lofi; see --after-videos, --[no-]on-new-class, --every, --poll).")
  boolean follow;

  @Option(names = "--after-videos", paramLabel = "N",
      description = "With --follow: retrain once N training videos are new or changed since the model learnt them;"
          + " 0: never by count (default: " + RetrainTrigger.DEFAULT_VIDEOS + ").")
  Integer afterVideos;

  // Unset means true; see --augment for why this has no defaultValue.
  @Option(names = "--on-new-class", negatable = true,
      description = "With --follow: retrain as soon as a waiting video holds a class the serving model lacks"
          + " (default: true).")
  Boolean onNewClass;

  @Option(names = "--every", paramLabel = "DURATION", converter = Durations.class,
      description = "With --follow: also retrain on this schedule (e.g. 6h) whenever any video is waiting.")
  Duration every;

  @Option(names = "--poll", paramLabel = "DURATION", converter = Durations.class, defaultValue = "30s",
      description = "With --follow: how often to look at the topics for new footage (default: ${DEFAULT-VALUE}).")
  Duration poll;

  @Mixin CheckpointKeyOptions keys;

  @Mixin MonitoringOptions monitoring;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (resume && stage != Stage.LOFI) {
      // The other stages take minutes at most: rerunning them whole is simpler than their state.
      throw new BadUsage("--resume continues the lofi stage only; run --stage " + stage
          + " again whole");
    }
    if (init != null && stage != Stage.PRETRAIN && stage != Stage.ALL) {
      throw new BadUsage("--init replaces the pretrain stage: use it with --stage pretrain or all");
    }
    if (baseline && stage != Stage.ALL) {
      throw new BadUsage("--baseline goes with --stage all: it leaves out the lofi stage");
    }
    if (candidate && stage != Stage.LOFI && stage != Stage.HEAD) {
      throw new BadUsage("--candidate trains the lofi or the head stage from the serving checkpoint; not --stage "
          + stage);
    }
    if (candidate && resume) {
      throw new BadUsage("--resume continues the model's own lofi run; a candidate run starts again whole");
    }
    if (follow && stage != Stage.LOFI && stage != Stage.HEAD) {
      throw new BadUsage("--follow retrains with the head stage (extract and head) or the lofi stage (lofi, extract "
          + "and head); not --stage " + stage);
    }
    if (follow && resume) {
      throw new BadUsage("--follow starts every retrain whole; --resume continues a killed lofi run");
    }
    if (!follow && (afterVideos != null || onNewClass != null || every != null)) {
      throw new BadUsage("--after-videos, --on-new-class and --every say when --follow retrains: add --follow");
    }
    String name = model != null ? model : baseline ? preset.baselineModelName() : preset.modelName();
    // A candidate never serves unseen: it trains into its own name and only the gate promotes it.
    String target = candidate || follow ? ServingModel.candidateOf(name) : name;
    RetrainTrigger trigger = follow ? BadUsage.interpreting(() -> new RetrainTrigger(
        afterVideos != null ? afterVideos : RetrainTrigger.DEFAULT_VIDEOS, onNewClass == null || onNewClass, every))
        : null;
    ProgressLine progress = ProgressLine.forConsole(spec.commandLine().getOut(), err);
    PrometheusMeterRegistry registry = monitoring.registry();
    TrainerMeters meters = new TrainerMeters(registry);
    Optional<MonitoringEndpoint> endpoint = monitoring.start(registry, () -> new Health(true, meters.stage(),
        Map.of("model", name, "step", meters.step())), err);
    try (CheckpointKeyOptions.Scope signing = keys.apply(Optional.ofNullable(signingKey));
         KafkaConnection connection = kafka.connect(err);
         MetricsPublisher metrics = new MetricsPublisher(connection.bootstrap(), name,
             StageListener.all(console(progress), meters))) {
      TrainingPipeline pipeline = new TrainingPipeline(connection.bootstrap(), metrics, progress::println);
      if (follow) {
        follow(trigger, reason -> retrain(pipeline, connection.bootstrap(), name, target, progress), connection.bootstrap(),
            name, progress);
        return 0;
      }
      if (!candidate) {
        warnIfGated(connection.bootstrap(), name, progress);
      }
      for (Stage next : stage.runs(baseline)) {
        switch (next) {
          case PRETRAIN -> pretrain(pipeline, name);
          case LOFI -> lofi(pipeline, connection.bootstrap(), name, target, progress);
          case EXTRACT -> pipeline.extract(FeatureExtractionSettings.defaults(name));
          case HEAD -> pipeline.head(headSettings(name, target));
          case ALL -> throw new IllegalStateException("'all' runs the other stages; it is none itself");
        }
      }
      if (candidate) {
        gate(connection.bootstrap(), name, target, progress);
      }
    } finally {
      endpoint.ifPresent(MonitoringEndpoint::close);
    }
    return 0;
  }

  /**
   * Says so when a run is about to publish straight into a model that the gate has decided on
   * before: running localizers load what it makes, ungated.
   */
  private void warnIfGated(String bootstrap, String name, ProgressLine progress) {
    boolean serves = stage.runs(baseline).stream().anyMatch(s -> s == Stage.LOFI || s == Stage.HEAD);
    int decisions = serves ? new ModelDecisions(bootstrap).history(name).size() : 0;
    if (decisions > 0) {
      progress.println("note: " + name + " has " + decisions + " gate decision" + (decisions == 1 ? "" : "s")
          + " on lofi.model.decisions, but this run publishes straight into it and running localizers load the"
          + " result; --candidate sends it through the gate instead");
    }
  }

  /** Follows the footage until SIGTERM or Ctrl-C, retraining as {@code trigger} says. */
  private void follow(RetrainTrigger trigger, Follower.Retraining retraining, String bootstrap, String name,
      ProgressLine progress) {
    CountDownLatch stop = new CountDownLatch(1);
    try (GracefulShutdown shutdown = new GracefulShutdown(stop::countDown, FOLLOW_STOP_GRACE);
         Follower follower = new Follower(bootstrap, name, trigger, retraining, progress::println)) {
      follower.run(poll, stop);
      progress.println("follow: stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One retrain of {@code --follow}: a candidate from the serving model's encoder (head), or from the
   * whole serving network fine-tuned (lofi, then extract and head on the new encoder), then the gate.
   */
  private ModelDecision retrain(TrainingPipeline pipeline, String bootstrap, String name, String target,
      ProgressLine progress) {
    String source = name;
    if (stage == Stage.LOFI) {
      lofi(pipeline, bootstrap, name, target, progress);
      source = target;
    }
    pipeline.extract(FeatureExtractionSettings.defaults(source));
    pipeline.head(headSettings(source, target));
    return gate(bootstrap, name, target, progress);
  }

  /** Scores the candidate just trained against the serving checkpoint and promotes it or refuses it. */
  private ModelDecision gate(String bootstrap, String name, String target, ProgressLine progress) {
    PromotionGate gate = BadUsage.interpreting(() -> new PromotionGate(bootstrap, new ServingModel(bootstrap, name),
        FidelityPreset.FULL, tolerance));
    ModelDecision decision = gate.decide(new CheckpointStore(bootstrap).latest(target).orElseThrow());
    progress.println("gate: " + ModelCommand.describe(decision));
    return decision;
  }

  private HeadTrainingSettings headSettings(String source, String target) {
    return BadUsage.interpreting(() -> HeadTrainingSettings.builder(source, target)
        .optEpochs(epochsOr(HeadTrainingSettings.DEFAULT_EPOCHS)).optBatchSize(batch)
        .optLearningRate(rateOr(HeadTrainingSettings.DEFAULT_LEARNING_RATE)).optSeed(seed).optMaxSteps(maxSteps)
        .build());
  }

  /** The lofi stage from {@code name}'s latest checkpoint into {@code target}. */
  private void lofi(TrainingPipeline pipeline, String bootstrap, String name, String target, ProgressLine progress) {
    JointTrainingSettings settings = BadUsage.interpreting(() -> JointTrainingSettings.builder(target)
        .optFidelities(fidelities).optCycle(cycle, switchEvery)
        .optEpochs(epochsOr(JointTrainingSettings.DEFAULT_EPOCHS)).optBatchSize(batch)
        .optLearningRate(rateOr(JointTrainingSettings.DEFAULT_LEARNING_RATE)).optSeed(seed).optMaxSteps(maxSteps)
        .optFrozenEncoderStatistics(freezeBnStats).build());
    Optional<TrainingPipeline.StepBudget> budget = Optional.ofNullable(memoryBudget).map(size ->
        new TrainingPipeline.StepBudget(BadUsage.interpreting(() -> MemoryBudget.parse(size)), preset.fidelities()));
    JointTraining.Result result = resume ? pipeline.resumeLofi(settings, budget)
        : pipeline.lofi(settings, new CheckpointStore(bootstrap).latest(name), this::network, budget);
    if (export != null && result.checkpoint() != null) {
      Checkpoint trained = new CheckpointStore(bootstrap).latest(target).orElseThrow();
      Path params = CheckpointExport.write(export, NetworkConfig.fromMap(trained.manifest().config()), trained);
      progress.println("exported to " + params + " and " + export.resolve(target + ".json"));
    }
  }

  private void pretrain(TrainingPipeline pipeline, String name) {
    // The class count is the pre-training set's; Pretraining sizes the head itself.
    NetworkConfig network = network(1);
    PretrainingSettings settings = BadUsage.interpreting(() -> PretrainingSettings.builder(name)
        .optEpochs(epochsOr(PretrainingSettings.DEFAULT_EPOCHS)).optBatchSize(batch)
        .optLearningRate(rateOr(PretrainingSettings.DEFAULT_LEARNING_RATE)).optSeed(seed).optMaxSteps(maxSteps)
        .optAugmentation(augmenting() ? PretrainingSettings.AUGMENTATION : SnippetAugmentation.NONE).build());
    if (init != null) {
      pipeline.pretrainFrom(init, settings, network, fidelities);
    } else {
      pipeline.pretrain(settings, network);
    }
  }

  /** The preset's network with the frame input asked for. */
  private NetworkConfig network(int classes) {
    FrameInput input = BadUsage.interpreting(() -> FrameInput.of(frameInput));
    return BadUsage.interpreting(() -> preset.network(classes, head)).withFrameInput(input);
  }

  /** Whether pre-training augments: as --augment or --no-augment says, else the default. */
  boolean augmenting() {
    return augment != null ? augment : TrainingDefaults.AUGMENT;
  }

  private int epochsOr(int stageDefault) {
    return epochs != null ? epochs : stageDefault;
  }

  private float rateOr(float stageDefault) {
    return learningRate != null ? learningRate : stageDefault;
  }

  /** Progress on the console: a bar through the steps, a line per epoch. */
  private StageListener console(ProgressLine progress) {
    return new StageListener() {
      private long stageSteps;

      @Override
      public void stageStarted(String stage, int stageEpochs, int stepsPerEpoch) {
        this.stageSteps = (long) stageEpochs * stepsPerEpoch;
        progress.println(stepsPerEpoch > 0
            ? String.format(Locale.ROOT, "%s: %d epochs of %d steps", stage, stageEpochs, stepsPerEpoch)
            : stage + ": started");
      }

      @Override
      public void stepFinished(TrainerMetric metric) {
        String loss = metric.loss() == null ? "skipped: non-finite loss or gradient"
            : String.format(Locale.ROOT, "loss %.4f", metric.loss());
        progress.update(metric.step(), stageSteps, String.format(Locale.ROOT, "epoch %d step %d %s %s (%.2f s%s)",
            metric.epoch(), metric.step(), metric.fidelity(), loss, metric.stepSeconds(),
            metric.peakBytes() == null ? "" : ", peak " + MemoryBudget.format(metric.peakBytes())));
      }

      @Override
      public void stageProgress(String stage, long done, long total, String unit) {
        progress.update(done, total, String.format(Locale.ROOT, "%s: %d of %d %s", stage, done, total, unit));
      }

      @Override
      public void epochFinished(TrainerMetric metric) {
        progress.println(String.format(Locale.ROOT, "epoch %d: loss %.4f, lr %.4g, %d steps%s%s%s", metric.epoch(),
            metric.loss(), metric.learningRate(), metric.step(),
            metric.accuracy() == null ? "" : String.format(Locale.ROOT, ", accuracy %.2f", metric.accuracy()),
            metric.validationAccuracy() == null ? ""
                : String.format(Locale.ROOT, ", validation accuracy %.2f", metric.validationAccuracy()),
            metric.averageMap() == null ? "" : String.format(Locale.ROOT, ", validation mAP %.2f%%",
                100 * metric.averageMap())));
      }
    };
  }
}
