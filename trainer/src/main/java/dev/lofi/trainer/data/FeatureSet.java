package dev.lofi.trainer.data;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.record.FeatureSequence;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.topics.scan.LatestValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The videos of one subset the head can be trained on from {@code lofi.features}: on
 * {@code lofi.videos}, with ground truth on {@code lofi.annotations}, and with a feature sequence
 * extracted by one of the accepted checkpoints (features of another encoder would not fit the
 * network the head is saved with). The others are counted by reason.
 *
 * <p>The sequences are held in memory: small next to clips ({@code L x D} floats a video, 16 KB at
 * the cpu preset, 200 KB at the paper's), but ActivityNet's 10k training videos at the paper's size
 * take about 2 GB of heap.
 */
public final class FeatureSet {

  /** A trainable video: its metadata, its features and its ground truth. */
  public record Entry(VideoMetadata video, FeatureSequence features, VideoAnnotations truth) {}

  private final List<Entry> entries;
  private final Map<String, Integer> skipped;

  private FeatureSet(List<Entry> entries, Map<String, Integer> skipped) {
    this.entries = List.copyOf(entries);
    this.skipped = Collections.unmodifiableMap(skipped);
  }

  /**
   * Reads the video, annotation and feature tables.
   *
   * @param subset e.g. {@code training}; videos of other subsets are left out without counting
   * @param versions the {@code model@version}s whose features are accepted
   */
  public static FeatureSet load(String bootstrap, String subset, Set<String> versions) {
    Map<String, VideoMetadata> videos = LatestValues.videos(bootstrap, "trainer");
    Map<String, VideoAnnotations> annotations = LatestValues.annotations(bootstrap, "trainer");
    Map<String, FeatureSequence> features = LatestValues.read(bootstrap, TopicCatalog.FEATURES.name(),
        RecordSerdes.featureSequence(), "trainer");
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    videos.values().stream()
        .filter(video -> subset.equals(video.subset()))
        .sorted(Comparator.comparing(VideoMetadata::videoId))
        .forEach(video -> {
          VideoAnnotations truth = annotations.get(video.videoId());
          FeatureSequence sequence = features.get(video.videoId());
          if (truth == null) {
            skipped.merge("no ground truth", 1, Integer::sum);
          } else if (sequence == null) {
            skipped.merge("no features", 1, Integer::sum);
          } else if (!versions.contains(sequence.modelVersion())) {
            skipped.merge("features of another checkpoint", 1, Integer::sum);
          } else {
            entries.add(new Entry(video, sequence, truth));
          }
        });
    return new FeatureSet(entries, skipped);
  }

  /** The trainable videos, sorted by id. */
  public List<Entry> entries() {
    return entries;
  }

  /** The trainable videos as footage: what a head trained on this set learns from. */
  public TrainingFootage footage() {
    Map<String, String> revisions = new TreeMap<>();
    entries.forEach(e -> revisions.put(e.video().videoId(), TrainingFootage.revision(e.video(), e.truth())));
    return new TrainingFootage(revisions);
  }

  /** Videos left out, by reason. */
  public Map<String, Integer> skipped() {
    return skipped;
  }
}
