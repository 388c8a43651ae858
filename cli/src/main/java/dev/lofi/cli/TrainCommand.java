package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.model.checkpoint.CheckpointExport;
import dev.lofi.model.encoder.FrameInput;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.NetworkPresets;
import dev.lofi.trainer.TrainingDefaults;
import dev.lofi.trainer.data.SnippetAugmentation;
import dev.lofi.trainer.memory.MemoryBudget;
import dev.lofi.trainer.memory.StepMemoryEstimate;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import dev.lofi.trainer.stage.Cycle;
import dev.lofi.trainer.stage.FeatureExtraction;
import dev.lofi.trainer.stage.FeatureExtractionSettings;
import dev.lofi.trainer.stage.HeadTraining;
import dev.lofi.trainer.stage.HeadTrainingSettings;
import dev.lofi.trainer.stage.JointTraining;
import dev.lofi.trainer.stage.JointTrainingSettings;
import dev.lofi.trainer.stage.Pretraining;
import dev.lofi.trainer.stage.PretrainingSettings;
import dev.lofi.trainer.stage.SgdSchedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        "each stage took. lofi starts from the pre-trained network when there is one."})
final class TrainCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka;

  @Option(names = "--stage", required = true, paramLabel = "pretrain|lofi|extract|head|all", description = "Stage to run.")
  String stage;

  @Option(names = "--baseline", description = "With --stage all: skip the lofi stage (the frozen-encoder baseline; model baseline-PRESET).")
  boolean baseline;

  @Option(names = "--fidelities", split = ",", paramLabel = "F", defaultValue = TrainingDefaults.FIDELITIES,
      description = "Low fidelities the lofi stage cycles through (default: ${DEFAULT-VALUE}).")
  List<String> fidelities;

  @Option(names = "--cycle", paramLabel = "long|short", defaultValue = TrainingDefaults.CYCLE,
      description = "C-LoFi cycle: one fidelity per epoch (long) or a new one every --switch-every batches (short) (default: ${DEFAULT-VALUE}).")
  String cycle;

  @Option(names = "--switch-every", paramLabel = "N", defaultValue = "" + TrainingDefaults.SWITCH_EVERY,
      description = "Batches between fidelity switches in the short cycle (default: ${DEFAULT-VALUE}).")
  int switchEvery;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Fidelity preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--frame-input", paramLabel = "rgb|rgb+diff|diff", defaultValue = TrainingDefaults.FRAME_INPUT,
      description = "What the encoder sees: the frames (rgb), each frame beside its difference from the one before"
          + " (rgb+diff), or the differences alone (diff: TSN's RGB difference, blind to a still background; for"
          + " actions told apart by motion). Set by the run that builds the network (pretrain, or"
          + " lofi without a pre-trained one); later stages take it from its checkpoint (default: ${DEFAULT-VALUE}).")
  String frameInput;

  // No defaultValue: picocli sets a negatable option to its default on the negated form, so with a
  // default of true --no-augment would leave it on. Unset means TrainingDefaults.AUGMENT.
  @Option(names = "--augment", negatable = true,
      description = "pretrain stage: mirror, shift and brighten each clip at random each epoch (default: "
          + TrainingDefaults.AUGMENT + ").")
  Boolean augment;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs of every stage run (default: pretrain " + PretrainingSettings.DEFAULT_EPOCHS + ", lofi "
          + JointTrainingSettings.DEFAULT_EPOCHS + ", head " + HeadTrainingSettings.DEFAULT_EPOCHS + ").")
  Integer epochs;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "" + TrainingDefaults.BATCH, description = "Videos per mini-batch, the same at every fidelity (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", paramLabel = "RATE",
      description = "SGD learning rate of every stage run, halved every " + SgdSchedule.HALVING_STEPS
          + " steps (default: pretrain "
          + PretrainingSettings.DEFAULT_LEARNING_RATE + ", lofi and head " + JointTrainingSettings.DEFAULT_LEARNING_RATE
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

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (resume && !stage.equals("lofi")) {
      // The other stages take minutes at most: rerunning them whole is simpler than their state.
      throw new BadUsage("--resume continues the lofi stage only; run --stage " + stage
          + " again whole");
    }
    if (init != null && !(stage.equals("pretrain") || stage.equals("all"))) {
      throw new BadUsage("--init replaces the pretrain stage: use it with --stage pretrain or all");
    }
    List<String> stages = switch (stage) {
      case "pretrain", "lofi", "extract", "head" -> List.of(stage);
      case "all" -> baseline ? List.of("pretrain", "extract", "head") : List.of("pretrain", "lofi", "extract", "head");
      default -> throw new BadUsage(
          "unknown stage '" + stage + "': use pretrain, lofi, extract, head or all");
    };
    if (baseline && !stage.equals("all")) {
      throw new BadUsage("--baseline goes with --stage all: it leaves out the lofi stage");
    }
    FidelityPreset fidelityPreset = BadUsage.interpreting(() -> FidelityPreset.named(preset));
    String name = model != null ? model : (baseline ? "baseline-" : "lofi-") + fidelityPreset.name();
    ProgressLine progress = ProgressLine.forConsole(spec.commandLine().getOut(), err);
    try (KafkaConnection connection = kafka.connect(err);
         MetricsPublisher metrics = new MetricsPublisher(connection.bootstrap(), name, console(progress))) {
      for (String next : stages) {
        long started = System.nanoTime();
        switch (next) {
          case "pretrain" -> pretrain(connection.bootstrap(), fidelityPreset, name, progress, metrics);
          case "lofi" -> lofi(connection.bootstrap(), fidelityPreset, name, progress, metrics);
          case "extract" -> extract(connection.bootstrap(), name, progress, metrics);
          default -> head(connection.bootstrap(), name, progress, metrics);
        }
        progress.println(String.format(Locale.ROOT, "stage %s took %.1f s", next, (System.nanoTime() - started) / 1e9));
      }
    }
    return 0;
  }

  private void lofi(String bootstrap, FidelityPreset fidelityPreset, String name, ProgressLine progress,
      MetricsPublisher metrics) {
    int lofiEpochs = epochsOr(JointTrainingSettings.DEFAULT_EPOCHS);
    JointTrainingSettings settings = BadUsage.interpreting(() -> new JointTrainingSettings(name, fidelities,
        Cycle.valueOf(cycle.toUpperCase(Locale.ROOT)), switchEvery, lofiEpochs, batch,
        rateOr(JointTrainingSettings.DEFAULT_LEARNING_RATE), seed, maxSteps,
        JointTrainingSettings.VALIDATION_FIDELITY, null));
    // A run to resume, or else a pre-trained network, fixes the labels (the head's shape);
    // without either, the training set does.
    Optional<Checkpoint> pretrained = resume ? Optional.empty() : Pretraining.latestCheckpoint(bootstrap, name);
    Optional<Checkpoint> start = resume ? new CheckpointStore(bootstrap).latest(name) : pretrained;
    List<String> labels = start.map(c -> labelsOf(c.manifest().config()))
        .orElseGet(() -> JointTraining.labels(bootstrap, fidelities));
    // The checkpoint started from fixes the structure (resume refuses any but a lofi one, below);
    // a run from scratch builds the preset's.
    NetworkConfig network = start
        .filter(c -> List.of(Pretraining.STAGE, JointTraining.STAGE).contains(c.manifest().stage()))
        .map(c -> NetworkConfig.fromMap(c.manifest().config()))
        .orElseGet(() -> network(fidelityPreset, labels.size()));
    if (memoryBudget != null) {
      // Refused before anything is built: the estimate needs only the network's shapes.
      MemoryBudget budget = BadUsage.interpreting(() -> MemoryBudget.parse(memoryBudget));
      StepMemoryEstimate.check(budget, network, fidelityPreset, fidelities, batch);
    }
    pretrained.ifPresent(c -> progress.println("starting from the pre-trained " + c.manifest().model() + "@"
        + c.manifest().version()));
    if (resume) {
      start.ifPresent(c -> progress.println(String.format("resuming from %s@%s: its epoch %d was the last done, "
          + "training goes on from epoch %d, after step %d", c.manifest().model(), c.manifest().version(),
          c.manifest().epoch(), c.manifest().epoch() + 1, c.manifest().step())));
    }
    progress.println(String.format("lofi stage: %d classes %s, fidelities %s (%s cycle), %d epochs of batch %d",
        labels.size(), labels, fidelities, cycle, lofiEpochs, batch));
    JointTraining joint = new JointTraining(bootstrap, settings, metrics);
    JointTraining.Result result = resume ? joint.resume(network, labels)
        : joint.run(network, labels, pretrained.map(Checkpoint::parameters));
    if (result.checkpoint() == null) {
      progress.println("nothing left to train: " + name + " already has its " + lofiEpochs + " epochs");
      return;
    }
    progress.println(String.format("done: %d steps, epoch losses %s; checkpoint %s@%s on lofi.checkpoints",
        result.steps(), result.epochLosses().stream().map(l -> String.format(Locale.ROOT, "%.3f", l)).toList(),
        result.checkpoint().model(), result.checkpoint().version()));
    if (export != null) {
      Path params = CheckpointExport.write(export, network, new CheckpointStore(bootstrap).latest(name).orElseThrow());
      progress.println("exported to " + params + " and " + export.resolve(name + ".json"));
    }
  }

  private void extract(String bootstrap, String name, ProgressLine progress, MetricsPublisher metrics) {
    FeatureExtraction.Result result = new FeatureExtraction(bootstrap, FeatureExtractionSettings.defaults(name), metrics)
        .run();
    progress.println(String.format("extract: %d feature sequences from %s@%s to lofi.features %s; left out %s",
        result.total(), result.checkpoint().model(), result.checkpoint().version(), result.extracted(),
        result.skipped()));
  }

  private void head(String bootstrap, String name, ProgressLine progress, MetricsPublisher metrics) {
    HeadTrainingSettings settings = BadUsage.interpreting(() -> new HeadTrainingSettings(name, name,
        epochsOr(HeadTrainingSettings.DEFAULT_EPOCHS), batch, rateOr(JointTrainingSettings.DEFAULT_LEARNING_RATE), seed,
        maxSteps, HeadTrainingSettings.DEFAULT_CHECKPOINT_EVERY));
    HeadTraining.Result result = new HeadTraining(bootstrap, settings, metrics).run();
    List<Double> losses = result.epochLosses();
    progress.println(String.format(Locale.ROOT, "head: %d steps in %d epochs, epoch loss %.3f first, %.3f last, "
        + "encoder %s; checkpoint %s@%s", result.steps(), losses.size(), losses.get(0), losses.get(losses.size() - 1),
        result.encoder(), result.checkpoint().model(), result.checkpoint().version()));
  }

  private void pretrain(String bootstrap, FidelityPreset fidelityPreset, String name, ProgressLine progress,
      MetricsPublisher metrics) {
    // The class count is the pre-training set's; Pretraining sizes the head itself.
    NetworkConfig network = network(fidelityPreset, 1);
    PretrainingSettings settings = BadUsage.interpreting(() -> new PretrainingSettings(name,
        PretrainingSettings.DEFAULT_FIDELITY, epochsOr(PretrainingSettings.DEFAULT_EPOCHS), batch,
        PretrainingSettings.DEFAULT_SAMPLING, rateOr(PretrainingSettings.DEFAULT_LEARNING_RATE), seed, maxSteps,
        PretrainingSettings.DEFAULT_SEGMENT_FIDELITY,
        augmenting() ? PretrainingSettings.AUGMENTATION : SnippetAugmentation.NONE));
    Pretraining pretraining = new Pretraining(bootstrap, settings, metrics);
    if (init != null) {
      CheckpointManifest checkpoint = pretraining.startFrom(init, network, JointTraining.labels(bootstrap, fidelities));
      progress.println(String.format("pretrain: encoder taken from %s; checkpoint %s@%s", init, checkpoint.model(),
          checkpoint.version()));
      return;
    }
    Pretraining.Result result = pretraining.run(network);
    progress.println(String.format(Locale.ROOT, "pretrain: %s; %d steps, accuracy by epoch %s%s; checkpoint %s@%s",
        result.source(), result.steps(), twoDecimals(result.epochAccuracies()),
        result.epochValidationAccuracies().isEmpty() ? ""
            : ", validation accuracy by epoch " + twoDecimals(result.epochValidationAccuracies()),
        result.checkpoint().model(), result.checkpoint().version()));
  }

  private static List<String> twoDecimals(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList();
  }

  /** The preset's network with the frame input asked for. */
  private NetworkConfig network(FidelityPreset fidelityPreset, int classes) {
    FrameInput input = BadUsage.interpreting(() -> FrameInput.of(frameInput));
    return NetworkPresets.forPreset(fidelityPreset, classes).withFrameInput(input);
  }

  @SuppressWarnings("unchecked")
  private static List<String> labelsOf(java.util.Map<String, Object> config) {
    return (List<String>) config.get("labels");
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
