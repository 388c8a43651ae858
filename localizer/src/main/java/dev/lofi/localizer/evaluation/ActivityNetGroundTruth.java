package dev.lofi.localizer.evaluation;

import dev.lofi.model.evaluation.ActionInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ground truth of one subset of an ActivityNet annotation file, as the official evaluator reads
 * it:
 *
 * <pre>{@code
 * {"database": {"<id>": {"subset": "validation",
 *                        "annotations": [{"segment": [3.5, 9.25], "label": "Long jump"}]}}}
 * }</pre>
 *
 * <p>Every video must say its {@code subset} (a string, or null for none); the videos of the
 * chosen subset must have {@code annotations}, each with a non-blank {@code label} and a {@code
 * segment} of two finite numbers, start at most end (zero-length segments are kept: the evaluator
 * scores them). Videos of other subsets are not read further, as the evaluator does not read them;
 * other fields ({@code version}, {@code taxonomy}, {@code duration}, {@code url}, ...) are ignored,
 * where the official evaluator insists on {@code version} and {@code taxonomy} being present. A
 * subset video with an empty annotation list is kept and counts for nothing. Anything else is
 * refused with an {@link ActivityNetFileException} naming the field, unlike ingest's reader,
 * which leaves a bad video out and goes on: an evaluation that silently drops ground truth would
 * report a wrong mAP.
 *
 * <p>The official evaluator also drops the challenge's "blocked" videos, a list it downloads from
 * the ActivityNet server. lofi has no network to fetch it and takes it as empty: a ground-truth
 * file with those videos removed gives the official numbers.
 *
 * @param subset the subset read
 * @param videos the subset's videos in file order, each with its instances in file order
 */
public record ActivityNetGroundTruth(String subset, Map<String, List<ActionInstance>> videos) {

  public ActivityNetGroundTruth {
    Map<String, List<ActionInstance>> copy = new LinkedHashMap<>();
    videos.forEach((id, instances) -> copy.put(id, List.copyOf(instances)));
    videos = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads the videos of {@code subset} from {@code file}.
   *
   * @throws ActivityNetFileException if the file is malformed (see the class comment) or has no
   *     annotated video in {@code subset}: there would be no class to evaluate
   */
  public static ActivityNetGroundTruth read(Path file, String subset) {
    Map<String, List<ActionInstance>> videos = new LinkedHashMap<>();
    Set<String> subsets = new LinkedHashSet<>();
    JsonField database = JsonField.root(file).member("database");
    database.members().forEach((id, video) -> {
      JsonField videoSubset = video.member("subset");
      if (videoSubset.isNull()) {
        return;
      }
      subsets.add(videoSubset.string());
      if (subset.equals(videoSubset.string())) {
        videos.put(id, instances(video.member("annotations")));
      }
    });
    ActivityNetGroundTruth truth = new ActivityNetGroundTruth(subset, videos);
    if (truth.instanceCount() == 0) {
      throw database.refuse("no annotated video in subset '" + subset + "'; the file's subsets: "
          + (subsets.isEmpty() ? "none" : String.join(", ", subsets)));
    }
    return truth;
  }

  /** How many action instances the subset has. */
  public int instanceCount() {
    return videos.values().stream().mapToInt(List::size).sum();
  }

  private static List<ActionInstance> instances(JsonField annotations) {
    List<ActionInstance> instances = new ArrayList<>();
    for (JsonField annotation : annotations.elements()) {
      String label = annotation.member("label").label();
      double[] segment = annotation.member("segment").segment();
      instances.add(new ActionInstance(label, segment[0], segment[1]));
    }
    return instances;
  }
}
