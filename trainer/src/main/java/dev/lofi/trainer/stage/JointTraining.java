package dev.lofi.trainer.stage;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.trainer.data.ClipFetcher;
import dev.lofi.trainer.data.TrainingSet;
import dev.lofi.trainer.data.VideoBatch;
import dev.lofi.trainer.data.VideoClips;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.validation.ValidationScore;
import dev.lofi.trainer.validation.VideoValidation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The {@code lofi} stage: encoder and head trained together on whole videos at low fidelity,
 * cycling the fidelities as C-LoFi does, so the localization loss reaches the encoder within the
 * memory of a frozen-feature pipeline. Videos come from the clip topics every epoch, in a fresh
 * seeded order; a checkpoint goes to {@code lofi.checkpoints} after each epoch, with the
 * validation mAP of the whole network at full fidelity when the cluster has validation videos (and
 * the settings ask for it). That mAP picks the checkpoint the stage ends on ({@link BestEpoch}).
 */
public final class JointTraining {

  /**
   * What the stage did.
   *
   * @param epochMaps each epoch's validation average mAP; empty without validation videos or validation
   */
  public record Result(long steps, List<Double> epochLosses, List<Double> epochMaps, CheckpointManifest checkpoint,
      Map<String, Map<String, Integer>> skipped) {}

  /** The stage's name in checkpoints and metrics. */
  public static final String STAGE = "lofi";

  private final String bootstrap;
  private final JointTrainingSettings settings;
  private final MetricsPublisher metrics;

  /** @param metrics where step and epoch metrics go (Kafka and whoever listens) */
  public JointTraining(String bootstrap, JointTrainingSettings settings, MetricsPublisher metrics) {
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.metrics = metrics;
  }

  /**
   * Trains, starting from {@code network}'s config with fresh parameters.
   *
   * @param network the structure to train; its head's classes are {@code labels}
   */
  public Result run(NetworkConfig network, List<String> labels) {
    return run(network, labels, Optional.empty());
  }

  /**
   * Trains, starting from {@code initialParameters} when given: the whole network's, such as a
   * {@code pretrain} checkpoint's (its encoder pre-trained on trimmed clips, its head fresh), whose
   * config is {@code network} and whose labels are {@code labels}.
   *
   * @param network the structure to train; its head's classes are {@code labels}
   * @param initialParameters the parameters to start from, or empty for fresh ones
   * @throws IllegalArgumentException if the parameters are of another structure than {@code network}
   */
  public Result run(NetworkConfig network, List<String> labels, Optional<byte[]> initialParameters) {
    return train(network, labels, initialParameters, 0, 0);
  }

  /**
   * Continues a run that was stopped or killed, from the model's latest {@code lofi} checkpoint
   * (its best epoch is chosen among the epochs it trains itself):
   * its parameters, and the epoch after it (checkpoints close epochs, so the killed epoch is done
   * again from its start, in the same seeded order). Its steps then add up to an unbroken run's.
   * Momentum starts from zero again: checkpoints carry parameters, not the optimizer's state.
   *
   * @throws IllegalStateException if the model has no {@code lofi} checkpoint to resume from
   */
  public Result resume(NetworkConfig network, List<String> labels) {
    Optional<Checkpoint> latest = new CheckpointStore(bootstrap).latest(settings.model());
    CheckpointManifest last = latest.map(Checkpoint::manifest).orElse(null);
    if (last == null || !last.stage().equals(STAGE)) {
      throw new IllegalStateException("nothing to resume: the latest checkpoint of " + settings.model() + " is "
          + (last == null ? "missing" : "of stage " + last.stage()) + ", not of stage " + STAGE);
    }
    return train(network, labels, Optional.of(latest.get().parameters()), last.epoch() + 1, last.step());
  }

  private Result train(NetworkConfig network, List<String> labels, Optional<byte[]> initialParameters,
      int firstEpoch, long stepsBefore) {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.CHECKPOINTS, TopicCatalog.TRAINER_METRICS, TopicCatalog.DLQ));
    }
    Map<String, TrainingSet> sets = new LinkedHashMap<>();
    settings.fidelities().forEach(f -> sets.put(f, TrainingSet.load(bootstrap, f, TrainingSet.TRAINING)));
    int videos = sets.values().stream().mapToInt(s -> s.entries().size()).min().orElse(0);
    if (videos == 0) {
      throw new IllegalStateException("no trainable video at fidelities " + settings.fidelities()
          + ": ingest annotated videos of subset 'training' first; left out: " + skipped(sets));
    }
    int batchesPerEpoch = (videos + settings.batchSize() - 1) / settings.batchSize();
    SgdSchedule sgd = new SgdSchedule(settings.learningRate());
    CheckpointConfig checkpointConfig = new CheckpointConfig(network, labels, settings.fidelities());
    List<Double> epochMaps = new ArrayList<>();
    Optional<VideoValidation> validation = settings.validationFidelity() == null ? Optional.empty()
        : VideoValidation.load(bootstrap, settings.validationFidelity(), labels);
    metrics.stageStarted(STAGE, settings.epochs(), batchesPerEpoch);
    StageLoop.Run run;
    try (Model model = Model.newInstance(settings.model());
         ClipFetcher fetcher = new ClipFetcher(bootstrap)) {
      // The seed fixes the initial parameters too, not only the order of the videos.
      model.getNDManager().getEngine().setRandomSeed((int) settings.seed());
      LocalizationNetwork net = network.build();
      net.freezeEncoderStatistics(settings.encoderStatisticsFrozen());
      Map.Entry<String, TrainingSet> first = sets.entrySet().iterator().next();
      Shape example = VideoBatch.inputShape(fetcher.require(first.getValue().entries().get(0), first.getKey()));
      try (Trainer trainer = newTrainer(model, net, network, sgd.trainingConfig(), example, initialParameters)) {
        run = new StageLoop(STAGE, settings.epochs(), settings.maxSteps(), metrics).run(trainer, sgd,
            new StageLoop.Stage<FidelityBatch>() {
              @Override
              public Iterator<FidelityBatch> batches(int epoch) {
                Map<String, List<TrainingSet.Entry>> orders = new LinkedHashMap<>();
                sets.forEach((fidelity, set) -> orders.put(fidelity, set.epochOrder(settings.seed(), epoch)));
                return IntStream.range(0, batchesPerEpoch).mapToObj(b -> {
                  String fidelity = settings.fidelities().get(settings.cycle()
                      .fidelity(epoch, b, settings.batchesPerSwitch(), settings.fidelities().size()));
                  return new FidelityBatch(fidelity, fetch(fetcher, fidelity, orders.get(fidelity), b));
                }).iterator();
              }

              @Override
              public String fidelity(FidelityBatch batch) {
                return batch.fidelity();
              }

              @Override
              public NDList inputs(NDManager step, FidelityBatch batch, int epoch) {
                return new NDList(VideoBatch.videos(step, batch.videos()));
              }

              @Override
              public NDArray loss(NDList outputs, FidelityBatch batch) {
                return net.head().loss(outputs, VideoBatch.targets(batch.videos(), labels));
              }

              @Override
              public StageLoop.EpochEnd finishEpoch(StageLoop.Epoch epoch) {
                Optional<DetectionMetrics> validated = validation.map(v -> v.run(net, trainer.getManager(), fetcher));
                validated.ifPresent(v -> epochMaps.add(v.averageMAP()));
                byte[] parameters = NetworkCheckpoint.parameters(net);
                Map<String, Double> checkpointMetrics = ValidationScore.epochMetrics(epoch.meanLoss(), validated);
                CheckpointManifest checkpoint = NetworkCheckpoint.publish(bootstrap, settings.model(), STAGE,
                    epoch.index(), epoch.step(), checkpointConfig, checkpointMetrics, parameters);
                Double averageMap = validated.map(DetectionMetrics::averageMAP).orElse(null);
                metrics.epoch(STAGE, epoch.index() + 1, epoch.step(), null, epoch.meanLoss(), (double) epoch.rate(),
                    averageMap);
                return new StageLoop.EpochEnd(checkpoint, averageMap, checkpointMetrics, () -> parameters);
              }

              @Override
              public CheckpointManifest republish(BestEpoch.Candidate kept) {
                return NetworkCheckpoint.publish(bootstrap, settings.model(), STAGE, kept.epoch(), kept.step(),
                    checkpointConfig, kept.metrics(), kept.parameters());
              }
            }, "validation average mAP", firstEpoch, stepsBefore);
      }
    }
    CheckpointManifest checkpoint = run.checkpoint();
    List<Double> epochLosses = run.epochLosses();
    metrics.stageFinished(STAGE, checkpoint == null ? run.steps() + " steps, no epoch left to train"
        : String.format("%d steps, last epoch loss %.4f%s, checkpoint %s@%s", run.steps(),
            epochLosses.get(epochLosses.size() - 1), run.kept(), checkpoint.model(), checkpoint.version()));
    return new Result(run.steps(), epochLosses, epochMaps, checkpoint, skipped(sets));
  }

  /** One step's videos, all at one fidelity. */
  private record FidelityBatch(String fidelity, List<VideoClips> videos) {}

  /** The sorted labels of every training video's ground truth at these fidelities: the head's classes. */
  public static List<String> labels(String bootstrap, List<String> fidelities) {
    TreeSet<String> labels = new TreeSet<>();
    for (String fidelity : fidelities) {
      TrainingSet.load(bootstrap, fidelity, TrainingSet.TRAINING).entries()
          .forEach(e -> e.truth().annotations().stream().map(GroundTruthSegment::label).forEach(labels::add));
    }
    return List.copyOf(labels);
  }

  /**
   * A trainer of {@code net} as {@code model}'s block, its parameters fresh from the seeded engine
   * or {@code initialParameters}. Those are loaded before the trainer is initialised, which
   * caches every parameter's array: loaded after, they would be ignored.
   */
  static Trainer newTrainer(Model model, LocalizationNetwork net, NetworkConfig network, TrainingConfig config,
      Shape example, Optional<byte[]> initialParameters) {
    model.setBlock(net);
    initialParameters.ifPresent(parameters -> {
      net.initialize(model.getNDManager(), DataType.FLOAT32, example);
      NetworkCheckpoint.loadInto(net, model.getNDManager(), parameters, network);
    });
    Trainer trainer = model.newTrainer(config);
    trainer.initialize(example);
    return trainer;
  }

  private List<VideoClips> fetch(ClipFetcher fetcher, String fidelity, List<TrainingSet.Entry> order, int batch) {
    List<VideoClips> videos = new ArrayList<>();
    for (int i = 0; i < settings.batchSize(); i++) {
      // The fixed batch size holds at every fidelity: wrap around a smaller set.
      videos.add(fetcher.require(order.get((batch * settings.batchSize() + i) % order.size()), fidelity));
    }
    return videos;
  }

  private static Map<String, Map<String, Integer>> skipped(Map<String, TrainingSet> sets) {
    Map<String, Map<String, Integer>> skipped = new LinkedHashMap<>();
    sets.forEach((fidelity, set) -> skipped.put(fidelity, set.skipped()));
    return skipped;
  }
}
