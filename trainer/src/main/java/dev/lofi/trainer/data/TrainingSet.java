package dev.lofi.trainer.data;

import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.topics.scan.LatestValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The videos of one subset at one fidelity that can be trained on: on {@code lofi.videos}, with
 * ground truth on {@code lofi.annotations}, and with every snippet of their current ingest run on
 * the clip topic. The others are counted by reason, not silently dropped. Feature extraction needs
 * no ground truth and loads the set without requiring it.
 */
public final class TrainingSet {

  /** The subset of annotated videos that training learns from. */
  public static final String TRAINING = "training";
  /** The subset of annotated videos that choices are made on, never trained on. */
  public static final String VALIDATION = "validation";

  /**
   * A trainable video: its metadata, where its snippets are, and its ground truth.
   *
   * @param truth null only in a set loaded without requiring ground truth
   */
  public record Entry(VideoMetadata video, VideoLocation location, VideoAnnotations truth) {}

  private final String fidelity;
  private final List<Entry> entries;
  private final Map<String, Integer> skipped;

  private TrainingSet(String fidelity, List<Entry> entries, Map<String, Integer> skipped) {
    this.fidelity = fidelity;
    this.entries = List.copyOf(entries);
    this.skipped = Collections.unmodifiableMap(skipped);
  }

  /**
   * Reads the video and annotation tables and indexes the clip topic of {@code fidelity}.
   *
   * @param subset e.g. {@code training}; videos of other subsets are left out without counting
   */
  public static TrainingSet load(String bootstrap, String fidelity, String subset) {
    return load(bootstrap, fidelity, subset, true);
  }

  /**
   * As {@link #load(String, String, String)}; with {@code requireTruth} false, videos without
   * ground truth are entries too (their {@link Entry#truth()} is null), as feature extraction wants.
   */
  public static TrainingSet load(String bootstrap, String fidelity, String subset, boolean requireTruth) {
    Map<String, VideoMetadata> videos = LatestValues.videos(bootstrap, "trainer");
    Map<String, VideoAnnotations> annotations = LatestValues.annotations(bootstrap, "trainer");
    ClipIndex index = ClipIndex.scan(bootstrap, fidelity, videos);
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    videos.values().stream()
        .filter(video -> subset.equals(video.subset()))
        .sorted(Comparator.comparing(VideoMetadata::videoId))
        .forEach(video -> {
          VideoLocation location = index.locations().get(video.videoId());
          VideoAnnotations truth = annotations.get(video.videoId());
          if (truth == null && requireTruth) {
            skipped.merge("no ground truth", 1, Integer::sum);
          } else if (location == null) {
            skipped.merge("no snippets at fidelity " + fidelity, 1, Integer::sum);
          } else if (!location.complete()) {
            skipped.merge("incomplete snippets", 1, Integer::sum);
          } else {
            entries.add(new Entry(video, location, truth));
          }
        });
    return new TrainingSet(fidelity, entries, skipped);
  }

  /** The fidelity of the snippets. */
  public String fidelity() {
    return fidelity;
  }

  /** The trainable videos, sorted by id. */
  public List<Entry> entries() {
    return entries;
  }

  /** Videos left out, by reason. */
  public Map<String, Integer> skipped() {
    return skipped;
  }

  /** The order of epoch {@code epoch}, see {@link EpochOrder}. */
  public List<Entry> epochOrder(long seed, int epoch) {
    return EpochOrder.shuffle(entries, seed, epoch);
  }
}
