package dev.lofi.trainer.stage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.FeatureSequence;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.trainer.data.ClipFetcher;
import dev.lofi.trainer.data.ExtractedFeatures;
import dev.lofi.trainer.data.TrainingSet;
import dev.lofi.trainer.data.VideoBatch;
import dev.lofi.trainer.data.VideoClips;
import dev.lofi.trainer.metrics.StageListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The {@code extract} stage: the latest checkpoint's encoder, frozen, run at full fidelity over
 * every video of the chosen subsets, and one {@link FeatureSequence} per video on
 * {@code lofi.features}, keyed by video id and stamped with the {@code model@version} of the
 * checkpoint the encoder comes from (a head checkpoint's encoder is its source's). The head is not
 * run. Ground truth is not needed (videos without it are extracted too); videos not complete at the
 * fidelity are counted by reason. A video whose features on the topic were extracted by the same
 * encoder from the same ingest run's clips is not extracted again: a retrain after new footage
 * extracts only the new videos.
 */
public final class FeatureExtraction {

  /**
   * What the stage did.
   *
   * @param checkpoint the checkpoint whose encoder extracted
   * @param extracted feature sequences published, per subset
   * @param reused videos whose features of this encoder and ingest run were on the topic already, per subset
   * @param skipped videos left out, per subset and reason
   */
  public record Result(CheckpointManifest checkpoint, Map<String, Integer> extracted, Map<String, Integer> reused,
      Map<String, Map<String, Integer>> skipped) {

    /** Feature sequences published in all. */
    public int total() {
      return extracted.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The stage's name in metrics. */
  public static final String STAGE = "extract";

  private final String bootstrap;
  private final FeatureExtractionSettings settings;
  private final StageListener listener;

  /** @param listener told when the stage starts and ends */
  public FeatureExtraction(String bootstrap, FeatureExtractionSettings settings, StageListener listener) {
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.listener = listener;
  }

  /** Extracts and publishes; returns once every feature sequence is written. */
  public Result run() {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.FEATURES, TopicCatalog.DLQ));
    }
    Checkpoint source = new CheckpointStore(bootstrap).latest(settings.model()).orElseThrow(() ->
        new IllegalStateException("no checkpoint of model '" + settings.model() + "' on "
            + TopicCatalog.CHECKPOINTS.name() + ": train the lofi stage first"));
    // Fails early, naming the checkpoint, if it is not a network's.
    String version = CheckpointConfig.of(source.manifest()).encoderVersion(source.manifest());
    Map<String, List<TrainingSet.Entry>> sets = new LinkedHashMap<>();
    Map<String, Integer> reused = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> skipped = new LinkedHashMap<>();
    ExtractedFeatures onTopic = ExtractedFeatures.read(bootstrap);
    int complete = 0;
    for (String subset : settings.subsets()) {
      TrainingSet set = TrainingSet.load(bootstrap, settings.fidelity(), subset, false);
      complete += set.entries().size();
      List<TrainingSet.Entry> todo = set.entries().stream()
          .filter(e -> !onTopic.current(e.video(), version, settings.fidelity())).toList();
      sets.put(subset, todo);
      reused.put(subset, set.entries().size() - todo.size());
      skipped.put(subset, new TreeMap<>(set.skipped()));
    }
    if (complete == 0) {
      throw new IllegalStateException("no video of subsets " + settings.subsets() + " is complete at fidelity "
          + settings.fidelity() + ": ingest it first; left out: " + skipped);
    }
    int videos = sets.values().stream().mapToInt(List::size).sum();
    listener.stageStarted(STAGE, 1, (videos + settings.batchSize() - 1) / settings.batchSize());
    Map<String, Integer> extracted = new LinkedHashMap<>();
    AtomicReference<Exception> failed = new AtomicReference<>();
    try (NDManager manager = NDManager.newBaseManager();
         ClipFetcher fetcher = new ClipFetcher(bootstrap);
         KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientProperties.producer(bootstrap),
             new StringSerializer(), new ByteArraySerializer())) {
      LocalizationNetwork network = null;
      long done = 0;
      for (Map.Entry<String, List<TrainingSet.Entry>> set : sets.entrySet()) {
        int count = 0;
        for (List<TrainingSet.Entry> batch : sameLengthBatches(set.getValue())) {
          List<VideoClips> clips = fetch(fetcher, batch, skipped.get(set.getKey()));
          if (clips.isEmpty()) {
            continue;
          }
          if (network == null) {
            network = NetworkCheckpoint.load(manager, source, VideoBatch.inputShape(clips.get(0)));
          }
          Map<String, VideoMetadata> metadata = new HashMap<>();
          batch.forEach(e -> metadata.put(e.video().videoId(), e.video()));
          for (FeatureSequence features : extract(manager, network, clips, batch, version)) {
            producer.send(new ProducerRecord<>(TopicCatalog.FEATURES.name(), null, features.videoId(),
                RecordSerdes.featureSequence().encode(features), ExtractedFeatures.headers(version,
                    settings.fidelity(), metadata.get(features.videoId()))), (meta, e) -> {
                  if (e != null) {
                    failed.compareAndSet(null, e);
                  }
                });
            count++;
          }
          done += batch.size();
          listener.stageProgress(STAGE, done, videos, "videos");
        }
        extracted.put(set.getKey(), count);
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new IllegalStateException("features could not be written to " + TopicCatalog.FEATURES.name(),
          failed.get());
    }
    Result result = new Result(source.manifest(), extracted, reused, skipped);
    listener.stageFinished(STAGE, String.format("%d feature sequences from %s (%s), already there: %s, left out: %s",
        result.total(), version, extracted, reused, skipped));
    return result;
  }

  /** The batches: videos in id order, grouped by snippet count so that each batch stacks into one tensor. */
  private List<List<TrainingSet.Entry>> sameLengthBatches(List<TrainingSet.Entry> entries) {
    Map<Integer, List<TrainingSet.Entry>> byLength = new TreeMap<>();
    entries.forEach(e -> byLength.computeIfAbsent(e.location().snippets(), l -> new ArrayList<>()).add(e));
    List<List<TrainingSet.Entry>> batches = new ArrayList<>();
    for (List<TrainingSet.Entry> group : byLength.values()) {
      for (int i = 0; i < group.size(); i += settings.batchSize()) {
        batches.add(group.subList(i, Math.min(group.size(), i + settings.batchSize())));
      }
    }
    return batches;
  }

  private List<VideoClips> fetch(ClipFetcher fetcher, List<TrainingSet.Entry> batch, Map<String, Integer> skipped) {
    List<VideoClips> clips = new ArrayList<>();
    for (TrainingSet.Entry entry : batch) {
      fetcher.fetch(entry, settings.fidelity()).ifPresentOrElse(clips::add,
          () -> skipped.merge("snippets changed since they were indexed", 1, Integer::sum));
    }
    return clips;
  }

  /** One forward pass of the frozen encoder, on a sub-manager freed before the next batch. */
  private static List<FeatureSequence> extract(NDManager manager, LocalizationNetwork network, List<VideoClips> clips,
      List<TrainingSet.Entry> batch, String version) {
    Map<String, Double> durations = new LinkedHashMap<>();
    batch.forEach(e -> durations.put(e.video().videoId(), e.video().durationSeconds()));
    try (NDManager step = manager.newSubManager()) {
      NDArray videos = VideoBatch.videos(step, clips);                                     // [B, L, T, C, H, W]
      NDArray features = network.features(new ParameterStore(step, false), videos, false, null); // [B, D, L]
      int snippets = (int) features.getShape().get(2);
      int dim = (int) features.getShape().get(1);
      float[] rows = features.transpose(0, 2, 1).toFloatArray();                           // [B, L, D] row-major
      List<FeatureSequence> sequences = new ArrayList<>(clips.size());
      for (int i = 0; i < clips.size(); i++) {
        String id = clips.get(i).videoId();
        float[] values = Arrays.copyOfRange(rows, i * snippets * dim, (i + 1) * snippets * dim);
        sequences.add(new FeatureSequence(id, version, durations.get(id), snippets, dim, values));
      }
      return sequences;
    }
  }

}
