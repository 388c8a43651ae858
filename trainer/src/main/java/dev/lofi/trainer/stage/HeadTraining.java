package dev.lofi.trainer.stage;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.evaluation.DetectionMetrics;
import dev.lofi.model.head.TalHead;
import dev.lofi.model.head.TalHeads;
import dev.lofi.model.head.VideoTargets;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.FeatureSequence;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.trainer.data.EpochOrder;
import dev.lofi.trainer.data.FeatureSet;
import dev.lofi.trainer.data.VideoBatch;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.validation.FeatureValidation;
import dev.lofi.trainer.validation.ValidationScore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code head} stage: a fresh head, of the source checkpoint's head structure, trained on the
 * full-fidelity features of {@code lofi.features} with the ground truth of {@code lofi.annotations}.
 * The encoder is frozen: it is not run, not even loaded while training. Every
 * {@code checkpointEvery} epochs and after the last, the whole network goes to
 * {@code lofi.checkpoints} (the source's encoder parameters byte for byte, and the new head), so
 * the localizer loads one checkpoint. The validation videos' mAP picks the head the stage ends on
 * ({@link BestEpoch}).
 */
public final class HeadTraining {

  /**
   * What the stage did.
   *
   * @param epochMaps each epoch's validation average mAP; empty without validation features
   * @param encoder {@code model@version} of the checkpoint whose encoder extracted the features
   * @param skipped training videos left out, by reason
   */
  public record Result(long steps, List<Double> epochLosses, List<Double> epochMaps, CheckpointManifest checkpoint,
      String encoder, Map<String, Integer> skipped) {}

  /** The stage's name in checkpoints and metrics. */
  public static final String STAGE = "head";
  private static final String SUBSET = "training";

  private final String bootstrap;
  private final HeadTrainingSettings settings;
  private final MetricsPublisher metrics;

  /** @param metrics where step and epoch metrics go (fidelity null: features have none) */
  public HeadTraining(String bootstrap, HeadTrainingSettings settings, MetricsPublisher metrics) {
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.metrics = metrics;
  }

  /** Trains, publishing a checkpoint every {@code checkpointEvery} epochs and after the last. */
  public Result run() {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.CHECKPOINTS, TopicCatalog.TRAINER_METRICS, TopicCatalog.FEATURES,
          TopicCatalog.DLQ));
    }
    Checkpoint source = new CheckpointStore(bootstrap).latest(settings.source()).orElseThrow(() ->
        new IllegalStateException("no checkpoint of model '" + settings.source() + "' on "
            + TopicCatalog.CHECKPOINTS.name() + ": train the lofi stage first"));
    CheckpointConfig config = CheckpointConfig.of(source.manifest());
    String encoder = config.encoderVersion(source.manifest());
    // Features extracted by this very checkpoint, or by the one its encoder was copied from.
    Set<String> versions = new HashSet<>(List.of(encoder, CheckpointConfig.versionOf(source.manifest())));
    FeatureSet set = FeatureSet.load(bootstrap, SUBSET, versions);
    if (set.entries().isEmpty()) {
      throw new IllegalStateException("no training video has features of " + encoder + " on "
          + TopicCatalog.FEATURES.name() + ": run the extract stage first; left out: " + set.skipped());
    }
    List<String> labels = withNewLabels(config.labels(), set);
    List<String> added = labels.subList(config.labels().size(), labels.size());
    NetworkConfig network = added.isEmpty() ? config.network() : config.network().withClasses(labels.size());
    SgdSchedule sgd = new SgdSchedule(settings.learningRate());
    CheckpointConfig published = new CheckpointConfig(network, labels, config.fidelities(), encoder)
        .withTrainedOn(set.footage().revisions());
    Optional<FeatureValidation> validation = FeatureValidation.load(bootstrap, versions, labels);
    metrics.stageStarted(STAGE, settings.epochs(), batches(set.entries()).size());
    List<Double> epochMaps = new ArrayList<>();
    StageLoop.Run run;
    try (Model model = Model.newInstance(settings.model());
         NDManager wholeManager = NDManager.newBaseManager()) {
      model.getNDManager().getEngine().setRandomSeed((int) settings.seed());
      TalHead head = TalHeads.create(network.headKind(), network.head());
      model.setBlock(head);
      try (Trainer trainer = model.newTrainer(sgd.trainingConfig())) {
        FeatureSequence first = set.entries().get(0).features();
        trainer.initialize(new Shape(1, first.dim(), first.snippetCount()));
        // The encoder is needed only to save the whole network: loaded once, never run.
        LocalizationNetwork whole = wholeNetwork(wholeManager, source, network, !added.isEmpty());
        run = new StageLoop(STAGE, settings.epochs(), settings.maxSteps(), metrics).run(trainer, sgd,
            new StageLoop.Stage<List<FeatureSet.Entry>>() {
              @Override
              public Iterator<List<FeatureSet.Entry>> batches(int epoch) {
                return HeadTraining.this.batches(EpochOrder.shuffle(set.entries(), settings.seed(), epoch)).iterator();
              }

              @Override
              public String fidelity(List<FeatureSet.Entry> batch) {
                return null;
              }

              @Override
              public NDList inputs(NDManager step, List<FeatureSet.Entry> batch, int epoch) {
                return new NDList(features(step, batch));
              }

              @Override
              public NDArray loss(NDList outputs, List<FeatureSet.Entry> batch) {
                return head.loss(outputs, targets(batch, labels));
              }

              @Override
              public StageLoop.EpochEnd finishEpoch(StageLoop.Epoch epoch) {
                Optional<DetectionMetrics> validated = validation.map(v -> v.run(head, trainer.getManager()));
                validated.ifPresent(v -> epochMaps.add(v.averageMAP()));
                Map<String, Double> checkpointMetrics = ValidationScore.epochMetrics(epoch.meanLoss(), validated);
                CheckpointManifest checkpoint = null;
                // Serialised once an epoch at most: for the epoch's checkpoint, the best epoch's copy, or both.
                byte[] parameters = null;
                if (epoch.last() || (epoch.index() + 1) % settings.checkpointEvery() == 0) {
                  parameters = withHead();
                  checkpoint = NetworkCheckpoint.publish(bootstrap, settings.model(), STAGE, epoch.index(),
                      epoch.step(), published, checkpointMetrics, parameters);
                }
                Double averageMap = validated.map(DetectionMetrics::averageMAP).orElse(null);
                metrics.epoch(STAGE, epoch.index() + 1, epoch.step(), null, epoch.meanLoss(), (double) epoch.rate(),
                    averageMap);
                byte[] saved = parameters;
                return new StageLoop.EpochEnd(checkpoint, averageMap, checkpointMetrics,
                    () -> saved != null ? saved : withHead());
              }

              @Override
              public CheckpointManifest republish(BestEpoch.Candidate kept) {
                return NetworkCheckpoint.publish(bootstrap, settings.model(), STAGE, kept.epoch(), kept.step(),
                    published, kept.metrics(), kept.parameters());
              }

              /** The whole network's parameters with the head as trained so far. */
              private byte[] withHead() {
                NetworkCheckpoint.loadHead(wholeManager, whole, NetworkCheckpoint.parameters(head));
                return NetworkCheckpoint.parameters(whole);
              }
            }, "validation average mAP", 0, 0);
      }
    }
    CheckpointManifest checkpoint = run.checkpoint();
    List<Double> epochLosses = run.epochLosses();
    metrics.stageFinished(STAGE, String.format("%d steps on features of %s, last epoch loss %.4f%s, checkpoint %s@%s%s",
        run.steps(), encoder, epochLosses.get(epochLosses.size() - 1), run.kept(), checkpoint.model(),
        checkpoint.version(), added.isEmpty() ? "" : ", classes " + added + " added to " + config.labels()));
    return new Result(run.steps(), epochLosses, epochMaps, checkpoint, encoder, set.skipped());
  }

  /**
   * The source's classes, then any the training videos hold that it lacks (sorted): a class learnt
   * before keeps its index, and one that new footage brings is learnt without losing the others.
   */
  static List<String> withNewLabels(List<String> known, FeatureSet set) {
    List<String> labels = new ArrayList<>(known);
    set.entries().stream().flatMap(e -> e.truth().annotations().stream()).map(GroundTruthSegment::label)
        .filter(label -> !known.contains(label)).distinct().sorted().forEach(labels::add);
    return List.copyOf(labels);
  }

  /**
   * The whole network the trained head is saved in: the source's as it is, or, when classes were
   * added, one of the grown structure carrying the source's encoder parameters byte for byte.
   */
  private static LocalizationNetwork wholeNetwork(NDManager manager, Checkpoint source, NetworkConfig network,
      boolean grown) {
    LocalizationNetwork loaded = NetworkCheckpoint.load(manager, source,
        NetworkCheckpoint.exampleInput(CheckpointConfig.of(source.manifest()).network()));
    if (!grown) {
      return loaded;
    }
    LocalizationNetwork whole = network.build();
    whole.initialize(manager, DataType.FLOAT32, NetworkCheckpoint.exampleInput(network));
    NetworkCheckpoint.loadEncoder(manager, whole, NetworkCheckpoint.parameters(loaded.encoder()));
    return whole;
  }

  /**
   * Mini-batches in the given order, each of videos with the same L so they stack (all
   * full-fidelity sequences have the same L; a group's last batch may be smaller).
   */
  private List<List<FeatureSet.Entry>> batches(List<FeatureSet.Entry> order) {
    Map<Integer, List<FeatureSet.Entry>> byLength = new LinkedHashMap<>();
    order.forEach(e -> byLength.computeIfAbsent(e.features().snippetCount(), l -> new ArrayList<>()).add(e));
    List<List<FeatureSet.Entry>> batches = new ArrayList<>();
    for (List<FeatureSet.Entry> group : byLength.values()) {
      for (int i = 0; i < group.size(); i += settings.batchSize()) {
        batches.add(group.subList(i, Math.min(group.size(), i + settings.batchSize())));
      }
    }
    return batches;
  }

  /** {@code [B, D, L]} from the sequences' row-major {@code [L, D]} values, on the step's manager. */
  private static NDArray features(NDManager manager, List<FeatureSet.Entry> batch) {
    FeatureSequence first = batch.get(0).features();
    int size = first.snippetCount() * first.dim();
    float[] values = new float[batch.size() * size];
    for (int i = 0; i < batch.size(); i++) {
      System.arraycopy(batch.get(i).features().values(), 0, values, i * size, size);
    }
    return manager.create(values, new Shape(batch.size(), first.snippetCount(), first.dim())) // [B, L, D]
        .transpose(0, 2, 1);                                                                  // [B, D, L]
  }

  private static List<VideoTargets> targets(List<FeatureSet.Entry> batch, List<String> labels) {
    return batch.stream().map(e -> VideoBatch.targets(e.truth(), e.features().snippetCount(), labels)).toList();
  }
}
