package dev.lofi.trainer.stage;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.CheckpointExport;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.trainer.data.ClipFetcher;
import dev.lofi.trainer.data.EpochOrder;
import dev.lofi.trainer.data.LabelledClip;
import dev.lofi.trainer.data.SegmentClips;
import dev.lofi.trainer.data.TrainingSet;
import dev.lofi.trainer.data.VideoBatch;
import dev.lofi.trainer.metrics.MetricsPublisher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The {@code pretrain} stage, LoFi's stage (1): the encoder learns to classify trimmed clips. Each
 * clip gives a few sparse snippets a step; they are encoded, their features averaged and
 * classified by a linear layer, with softmax cross-entropy. The clips come from subset
 * {@code pretrain} where the cluster holds one (trimmed clips, the source domain; a clip's class is
 * its ground truth's label), and otherwise from the training videos' own segments and the
 * background between them ({@link SegmentClips}), read by offset from their clip topic: real
 * localization data sets come without trimmed clips. {@code background} is a class like the
 * others. After each epoch the whole {@link LocalizationNetwork} goes to {@code lofi.checkpoints}
 * with stage {@code pretrain}: its encoder pre-trained, its head freshly initialised for the
 * localization labels (the clips' labels but {@code background}), so the {@code lofi} stage can
 * start from it. Where there are validation videos, their segments' accuracy after each epoch
 * picks the checkpoint the stage ends on ({@link BestEpoch}). The classifier is not kept.
 */
public final class Pretraining {

  /**
   * What the stage did.
   *
   * @param classes the classifier's classes, sorted
   * @param labels the localization labels of the published network: {@code classes} but background
   * @param epochAccuracies each epoch's accuracy on the clips it trained on, as they were classified
   *     during the epoch
   * @param epochValidationAccuracies each epoch's accuracy on the validation videos' segments after
   *     it; empty without validation videos
   * @param source where the clips came from, in words: how many, of which subset, at which fidelity
   * @param checkpoint the checkpoint the stage ended on: its best validation epoch's
   * @param skipped videos left out, by reason
   */
  public record Result(long steps, List<Double> epochLosses, List<Double> epochAccuracies,
      List<Double> epochValidationAccuracies, List<String> classes,
      List<String> labels, String source, CheckpointManifest checkpoint, Map<String, Integer> skipped) {}

  /** The clips of a run, at one fidelity, and the videos that gave none. */
  private record ClipSource(String description, String fidelity, List<LabelledClip> clips,
      Map<String, Integer> skipped) {}

  public static final String STAGE = "pretrain";
  /** The subset trimmed clips are ingested as (SynthTAL writes it). */
  public static final String SUBSET = "pretrain";
  /** The class of clips without an action; not a localization label. */
  public static final String BACKGROUND = "background";

  private final String bootstrap;
  private final PretrainingSettings settings;
  private final MetricsPublisher metrics;

  /** @param metrics where step and epoch metrics go (Kafka and whoever listens) */
  public Pretraining(String bootstrap, PretrainingSettings settings, MetricsPublisher metrics) {
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.metrics = metrics;
  }

  /**
   * Pre-trains the encoder of {@code network} on the clips of subset {@code pretrain}, or where
   * there is none on the training videos' segments.
   *
   * @param network the structure; its head's class count is set to the localization labels
   * @throws IllegalStateException if there are no clips, or fewer than two classes, or no class
   *     but background
   */
  public Result run(NetworkConfig network) {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.CHECKPOINTS, TopicCatalog.TRAINER_METRICS, TopicCatalog.DLQ));
    }
    ClipSource source = clipSource();
    List<LabelledClip> clips = source.clips();
    Map<String, Integer> skipped = source.skipped();
    List<String> classes = List.copyOf(new TreeSet<>(clips.stream().map(LabelledClip::label).toList()));
    List<String> labels = classes.stream().filter(c -> !c.equals(BACKGROUND)).toList();
    if (classes.size() < 2 || labels.isEmpty()) {
      throw new IllegalStateException("pre-training needs clips of at least two classes, one not '" + BACKGROUND
          + "': trimmed clips in subset '" + SUBSET + "' at fidelity " + settings.fidelity() + " (e.g. SynthTAL's "
          + "trimmed/ with its annotations.json), or else annotated videos in subset '" + TrainingSet.TRAINING
          + "' at fidelity " + settings.segmentFidelity() + "; " + source.description() + ", of classes " + classes
          + "; left out: " + skipped);
    }
    if (source.clips().stream().map(c -> c.snippets().length).distinct().count() > 1
        && settings.sampling().count() == 0) {
      throw new IllegalStateException("clips of different lengths (" + source.description() + ") cannot share a "
          + "batch when every snippet is taken: draw a fixed number of snippets per clip");
    }
    NetworkConfig localization = network.withClasses(labels.size());
    String fidelity = source.fidelity();
    List<LabelledClip> validation = SegmentClips.cut(TrainingSet.load(bootstrap, settings.segmentFidelity(),
        TrainingSet.VALIDATION).entries(), BACKGROUND).stream().filter(c -> classes.contains(c.label())).toList();

    int batchesPerEpoch = (clips.size() + settings.batchSize() - 1) / settings.batchSize();
    SgdSchedule sgd = new SgdSchedule(settings.learningRate());
    DefaultTrainingConfig config = sgd.trainingConfig(Loss.softmaxCrossEntropyLoss());
    List<Double> epochAccuracies = new ArrayList<>();
    List<Double> epochValidationAccuracies = new ArrayList<>();
    metrics.stageStarted(STAGE, settings.epochs(), batchesPerEpoch);
    CheckpointConfig checkpointConfig = new CheckpointConfig(localization, labels, List.of(fidelity));
    StageLoop.Run run;
    try (Model model = Model.newInstance(settings.model());
         ClipFetcher fetcher = new ClipFetcher(bootstrap)) {
      // The seed fixes the initial parameters (the head's too), not only the order of the clips.
      model.getNDManager().getEngine().setRandomSeed((int) settings.seed());
      ClipClassifier classifier = new ClipClassifier(localization.build(), classes.size());
      model.setBlock(classifier);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(VideoBatch.inputShape(fetch(fetcher, List.of(clips.get(0)), 0).get(0)));
        // One fixed draw, read once: every epoch is judged on the same input.
        List<List<ClipSnippet>> validationSnippets = fetch(fetcher, validation, 0);
        run = new StageLoop(STAGE, settings.epochs(), settings.maxSteps(), metrics).run(trainer, sgd,
            new StageLoop.Stage<ClipBatch>() {
              private int correct;
              private int seen;
              // The step's own, counted once stepFinished says its update was applied.
              private int stepCorrect;

              @Override
              public Iterator<ClipBatch> batches(int epoch) {
                correct = 0;
                seen = 0;
                List<LabelledClip> order = EpochOrder.shuffle(clips, settings.seed(), epoch);
                return IntStream.range(0, batchesPerEpoch).mapToObj(b -> {
                  List<LabelledClip> entries = order.subList(b * settings.batchSize(),
                      Math.min(order.size(), (b + 1) * settings.batchSize()));
                  return new ClipBatch(entries, fetch(fetcher, entries, epoch),
                      entries.stream().mapToInt(c -> classes.indexOf(c.label())).toArray());
                }).iterator();
              }

              @Override
              public String fidelity(ClipBatch batch) {
                return fidelity;
              }

              @Override
              public NDList inputs(NDManager step, ClipBatch batch, int epoch) {
                List<String> ids = batch.clips().stream().map(LabelledClip::id).toList();
                return new NDList(settings.augmentation().apply(VideoBatch.snippets(step, batch.snippets()), ids,
                    settings.seed(), epoch));
              }

              @Override
              public NDArray loss(NDList outputs, ClipBatch batch) {
                NDArray logits = outputs.singletonOrThrow();                      // [B, K]
                long[] predicted = logits.argMax(1).toLongArray();
                stepCorrect = 0;
                for (int i = 0; i < batch.targets().length; i++) {
                  stepCorrect += predicted[i] == batch.targets()[i] ? 1 : 0;
                }
                return trainer.getLoss().evaluate(new NDList(logits.getManager().create(batch.targets())),
                    new NDList(logits));
              }

              @Override
              public void stepFinished(ClipBatch batch, boolean applied) {
                if (applied) {
                  correct += stepCorrect;
                  seen += batch.targets().length;
                }
              }

              @Override
              public StageLoop.EpochEnd finishEpoch(StageLoop.Epoch epoch) {
                double accuracy = seen == 0 ? 0 : (double) correct / seen;
                epochAccuracies.add(accuracy);
                Double validationAccuracy = validation.isEmpty() ? null
                    : accuracy(trainer, validation, validationSnippets, classes);
                byte[] parameters = NetworkCheckpoint.parameters(classifier.network());
                Map<String, Double> checkpointMetrics = new TreeMap<>(Map.of("loss", epoch.meanLoss(), "accuracy",
                    accuracy));
                if (validationAccuracy != null) {
                  epochValidationAccuracies.add(validationAccuracy);
                  checkpointMetrics.put("validation_accuracy", validationAccuracy);
                }
                CheckpointManifest checkpoint = publish(parameters, checkpointConfig, epoch.index(), epoch.step(),
                    checkpointMetrics);
                metrics.epoch(STAGE, epoch.index() + 1, epoch.step(), fidelity, epoch.meanLoss(),
                    (double) epoch.rate(), null, accuracy, validationAccuracy);
                return new StageLoop.EpochEnd(checkpoint, validationAccuracy, checkpointMetrics, () -> parameters);
              }

              @Override
              public CheckpointManifest republish(BestEpoch.Candidate kept) {
                return publish(kept.parameters(), checkpointConfig, kept.epoch(), kept.step(), kept.metrics());
              }
            }, "validation accuracy", 0, 0);
      }
    }
    List<Double> epochLosses = run.epochLosses();
    CheckpointManifest checkpoint = run.checkpoint();
    metrics.stageFinished(STAGE, String.format("%s; %d steps, last epoch loss %.4f, accuracy %.3f%s, checkpoint %s@%s",
        source.description(), run.steps(), epochLosses.get(epochLosses.size() - 1),
        epochAccuracies.get(epochAccuracies.size() - 1), run.kept(), checkpoint.model(), checkpoint.version()));
    return new Result(run.steps(), epochLosses, epochAccuracies, epochValidationAccuracies, classes, labels,
        source.description(), checkpoint, skipped);
  }

  /** One step's clips, their snippets of the epoch's draw, and their classes' indices. */
  private record ClipBatch(List<LabelledClip> clips, List<List<ClipSnippet>> snippets, int[] targets) {}

  /**
   * Subset {@code pretrain}'s trimmed clips where any is trainable at the stage's fidelity, else
   * the training videos' segments; the description says why the trimmed ones were not used.
   */
  private ClipSource clipSource() {
    TrainingSet trimmed = TrainingSet.load(bootstrap, settings.fidelity(), SUBSET);
    if (!trimmed.entries().isEmpty()) {
      Map<String, Integer> skipped = new TreeMap<>(trimmed.skipped());
      List<LabelledClip> clips = new ArrayList<>();
      for (TrainingSet.Entry entry : trimmed.entries()) {
        clipClass(entry.truth()).ifPresentOrElse(label -> clips.add(LabelledClip.whole(entry.location(), label)),
            () -> skipped.merge("no labelled segment", 1, Integer::sum));
      }
      return new ClipSource(String.format(Locale.ROOT, "%d trimmed clips of subset '%s' at fidelity %s", clips.size(),
          SUBSET, settings.fidelity()), settings.fidelity(), clips, skipped);
    }
    TrainingSet videos = TrainingSet.load(bootstrap, settings.segmentFidelity(), TrainingSet.TRAINING);
    List<LabelledClip> clips = SegmentClips.cut(videos.entries(), BACKGROUND);
    long background = clips.stream().filter(c -> c.label().equals(BACKGROUND)).count();
    String noTrimmed = trimmed.skipped().isEmpty() ? "no subset '" + SUBSET + "'"
        : "no trimmed clip of subset '" + SUBSET + "' at fidelity " + settings.fidelity() + " (left out: "
            + trimmed.skipped() + ")";
    return new ClipSource(String.format(Locale.ROOT, "%s: %d clips cut from the segments of %d '%s' videos at "
            + "fidelity %s (%d actions, %d background)", noTrimmed, clips.size(), videos.entries().size(),
        TrainingSet.TRAINING, settings.segmentFidelity(), clips.size() - background, background),
        settings.segmentFidelity(), clips, new TreeMap<>(videos.skipped()));
  }

  /**
   * The stage without training: the encoder of a network saved by {@code lofi train --export} (from
   * this or another cluster), under a fresh head for {@code labels}, published as this stage's
   * checkpoint (epoch 0, step 0) so that the {@code lofi} stage starts from it.
   *
   * @param network the structure to train next; the saved encoder must be of the same structure
   * @throws IllegalArgumentException if the saved encoder is of another structure, naming both
   */
  public CheckpointManifest startFrom(Path saved, NetworkConfig network, List<String> labels) {
    if (labels.isEmpty()) {
      throw new IllegalStateException("no labelled training video on the cluster: the head needs the localization"
          + " labels (ingest videos with --annotations first)");
    }
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.CHECKPOINTS, TopicCatalog.DLQ));
    }
    NetworkConfig localization = network.withClasses(labels.size());
    CheckpointExport.Exported exported = CheckpointExport.read(saved);
    NetworkConfig source = exported.network();
    try (NDManager manager = NDManager.newBaseManager()) {
      if (source.depth() != network.depth() || source.widthMultiplier() != network.widthMultiplier()
          || source.framesPerSnippet() != network.framesPerSnippet() || source.stemStride() != network.stemStride()
          || source.frameInput() != network.frameInput()) {
        throw new IllegalArgumentException(exported.file() + " holds a " + encoderName(source) + " encoder; this run"
            + " trains a " + encoderName(network) + " one");
      }
      manager.getEngine().setRandomSeed((int) settings.seed());
      LocalizationNetwork started = localization.build();
      started.initialize(manager, DataType.FLOAT32, NetworkCheckpoint.exampleInput(localization));
      LocalizationNetwork savedNetwork = NetworkCheckpoint.load(manager, source, exported.checkpoint().parameters(),
          NetworkCheckpoint.exampleInput(source));
      NetworkCheckpoint.loadEncoder(manager, started, NetworkCheckpoint.parameters(savedNetwork.encoder()));
      metrics.stageStarted(STAGE, 0, 0);
      CheckpointManifest checkpoint = NetworkCheckpoint.publish(bootstrap, settings.model(), STAGE, 0, 0,
          new CheckpointConfig(localization, labels, List.of()), Map.of(), started);
      metrics.stageFinished(STAGE, "encoder from " + exported.file() + " ("
          + exported.checkpoint().manifest().version() + "), checkpoint " + checkpoint.model() + "@"
          + checkpoint.version());
      return checkpoint;
    }
  }

  private static String encoderName(NetworkConfig network) {
    return String.format(Locale.ROOT, "TSM-ResNet-%d x%s, T=%d, stem stride %d, %s input", network.depth(),
        network.widthMultiplier(), network.framesPerSnippet(), network.stemStride(), network.frameInput().id());
  }

  /**
   * The latest checkpoint of {@code model} if this stage wrote it: what the {@code lofi} stage
   * starts from. Its config's {@code labels} are the localization labels its head was built for.
   */
  public static Optional<Checkpoint> latestCheckpoint(String bootstrap, String model) {
    return new CheckpointStore(bootstrap).latest(model).filter(c -> c.manifest().stage().equals(STAGE));
  }

  /** A clip's class: the label its ground truth covers longest; empty if it has no segment. */
  static Optional<String> clipClass(VideoAnnotations truth) {
    Map<String, Double> covered = new TreeMap<>();
    for (GroundTruthSegment segment : truth.annotations()) {
      covered.merge(segment.label(), segment.end() - segment.start(), Double::sum);
    }
    return covered.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  /**
   * The share of {@code clips} the classifier names right, in inference mode, each clip with its
   * {@code snippets} (one fixed draw, so that epochs are compared on the same input).
   */
  private double accuracy(Trainer trainer, List<LabelledClip> clips, List<List<ClipSnippet>> snippets,
      List<String> classes) {
    int correct = 0;
    for (int from = 0; from < clips.size(); from += settings.batchSize()) {
      int to = Math.min(clips.size(), from + settings.batchSize());
      try (NDManager step = trainer.getManager().newSubManager()) {
        long[] predicted = trainer.evaluate(new NDList(VideoBatch.snippets(step, snippets.subList(from, to))))
            .singletonOrThrow().argMax(1).toLongArray();
        for (int i = from; i < to; i++) {
          correct += predicted[i - from] == classes.indexOf(clips.get(i).label()) ? 1 : 0;
        }
      }
    }
    return (double) correct / clips.size();
  }

  /** Each clip's snippets of {@code epoch}'s draw, read by offset. */
  private List<List<ClipSnippet>> fetch(ClipFetcher fetcher, List<LabelledClip> clips, int epoch) {
    return clips.stream().map(clip -> fetcher.fetch(clip.location(),
            settings.sampling().draw(clip.snippets(), clip.id(), settings.seed(), epoch))
        .orElseThrow(() -> new IllegalStateException("snippets of " + clip.id() + " changed since they were indexed")))
        .toList();
  }

  private CheckpointManifest publish(byte[] parameters, CheckpointConfig config, int epoch, long step,
      Map<String, Double> checkpointMetrics) {
    return NetworkCheckpoint.publish(bootstrap, settings.model(), STAGE, epoch, step, config, checkpointMetrics,
        parameters);
  }

}
