package dev.lofi.model.evaluation;

import dev.lofi.model.segment.SegmentIou;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Detection AP per class and tIoU threshold, mAP and average mAP of predictions against ground
 * truth, computed as the official ActivityNet evaluator ({@code Evaluation/eval_detection.py} of
 * activitynet/ActivityNet) computes them, so that the numbers agree with it to rounding.
 *
 * <p>Build one per ground truth and call {@link #evaluate} per set of predictions (the trainer's
 * validation does so every epoch): the ground truth is indexed once and never changed after, so
 * one instance serves several threads. Videos are ids; their iteration order is the order of the
 * file they came from, which matters for the ties below.
 *
 * <p>The rules, each as the official evaluator has it:
 *
 * <ul>
 *   <li><b>Classes</b> are the labels of the ground-truth instances, in the order first met. A
 *       class's AP compares its predictions with its instances only.
 *   <li><b>Unknown labels.</b> A prediction whose label is no ground-truth class is left out and
 *       counted in {@link DetectionMetrics#ignoredLabels}. (The official evaluator stops with a
 *       {@code KeyError} on such a file; leaving them out gives the numbers it computes for the
 *       file without them, which is the only reading under which classes come from the ground
 *       truth.)
 *   <li><b>Ranking.</b> A class's predictions are ranked by score, highest first. Equal scores
 *       rank the prediction that comes <em>later</em> in the input first (videos in iteration
 *       order, then each video's list in order). The evaluator sorts with numpy's ascending {@code
 *       argsort} and reverses the result: for up to 16 values numpy's default sort is an insertion
 *       sort, which is stable, so reversed-stable is exactly what it computes; for more values
 *       numpy's introsort leaves ties in an order that follows its partitioning (and numpy version
 *       and CPU), which is no order anyone can state, so lofi keeps the reversed-stable order at
 *       every size. {@code -0.0} and {@code 0.0} are equal scores, as in numpy.
 *   <li><b>Matching.</b> Predictions are taken in rank order, and each is matched at every
 *       threshold separately. Its candidates are the class's instances in the same video, by tIoU,
 *       highest first, equal tIoU the later instance first (the same reversed argsort). Scanning
 *       them: a candidate below the threshold ends the scan, and the prediction is a false
 *       positive; a candidate already matched at this threshold is skipped; the first one not yet
 *       matched is matched, and the prediction is a true positive. Running out of candidates makes
 *       a false positive. So a prediction whose best instance is taken falls to the next one above
 *       the threshold, not to a false positive at once.
 *   <li><b>Unmatched videos.</b> A prediction in a video with no instance of its class, a video
 *       the ground truth does not have at all included (such as one of another subset), is a false
 *       positive at every threshold.
 *   <li><b>Zero-length intervals.</b> tIoU is {@link SegmentIou#iou}, the evaluator's formula,
 *       except when the prediction and the instance are both zero-length: the union is empty, the
 *       evaluator's {@code 0 / 0} is NaN, NaN is never below a threshold, and numpy sorts NaN last,
 *       so first once reversed. Such a pair therefore matches at every threshold, before any other
 *       candidate, and lofi keeps that. An interval of length zero against one of positive length
 *       has tIoU 0.
 *   <li><b>AP</b> of a class at a threshold is {@link AveragePrecision#interpolated} of precision
 *       (true positives so far over rank) and recall (true positives so far over the class's
 *       instances). A class with no predictions has AP 0 at every threshold.
 *   <li><b>mAP</b> at a threshold is the unweighted mean of the classes' AP, every ground-truth
 *       class counting; <b>average mAP</b> is the mean of mAP over the thresholds.
 * </ul>
 */
public final class DetectionEvaluation {

  private final TiouThresholds thresholds;
  private final Map<String, Integer> classIndex = new LinkedHashMap<>();
  // Per class: video id -> that video's instances of the class, in input order.
  private final List<Map<String, VideoTruth>> truthByClass = new ArrayList<>();
  private final List<Integer> instancesPerClass = new ArrayList<>();

  /**
   * Indexes {@code groundTruth}: video id to its instances, in the file's order. Videos with no
   * instance are allowed and count for nothing.
   *
   * @throws IllegalArgumentException if there is no instance at all: no class to average over
   */
  public DetectionEvaluation(Map<String, ? extends Collection<ActionInstance>> groundTruth, TiouThresholds thresholds) {
    this.thresholds = thresholds;
    Map<Integer, Map<String, List<ActionInstance>>> grouped = new HashMap<>();
    groundTruth.forEach((video, instances) -> {
      for (ActionInstance instance : instances) {
        int k = classIndex.computeIfAbsent(instance.label(), label -> classIndex.size());
        grouped.computeIfAbsent(k, c -> new LinkedHashMap<>()).computeIfAbsent(video, v -> new ArrayList<>()).add(instance);
      }
    });
    if (classIndex.isEmpty()) {
      throw new IllegalArgumentException("the ground truth has no action instance: no class to evaluate");
    }
    for (int k = 0; k < classIndex.size(); k++) {
      Map<String, VideoTruth> videos = new HashMap<>();
      int instances = 0;
      for (Map.Entry<String, List<ActionInstance>> video : grouped.get(k).entrySet()) {
        videos.put(video.getKey(), VideoTruth.of(video.getValue()));
        instances += video.getValue().size();
      }
      truthByClass.add(videos);
      instancesPerClass.add(instances);
    }
  }

  /** The ground truth's classes, in the order first met. */
  public List<String> classes() {
    return List.copyOf(classIndex.keySet());
  }

  /** The thresholds every evaluation uses. */
  public TiouThresholds thresholds() {
    return thresholds;
  }

  /** Scores {@code predictions} (video id to its predictions; the order breaks ties, see the class comment). */
  public DetectionMetrics evaluate(Map<String, ? extends Collection<Prediction>> predictions) {
    List<List<Ranked>> byClass = new ArrayList<>();
    for (int k = 0; k < classIndex.size(); k++) {
      byClass.add(new ArrayList<>());
    }
    Map<String, Integer> ignored = new LinkedHashMap<>();
    int scored = 0;
    for (Map.Entry<String, ? extends Collection<Prediction>> video : predictions.entrySet()) {
      for (Prediction prediction : video.getValue()) {
        Integer k = classIndex.get(prediction.label());
        if (k == null) {
          ignored.merge(prediction.label(), 1, Integer::sum);
        } else {
          List<Ranked> ranked = byClass.get(k);
          ranked.add(new Ranked(video.getKey(), prediction, ranked.size()));
          scored++;
        }
      }
    }

    int classes = classIndex.size();
    double[] mAP = new double[thresholds.size()];
    Map<String, List<Double>> apPerClass = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> label : classIndex.entrySet()) {
      int k = label.getValue();
      double[] ap = classAp(truthByClass.get(k), instancesPerClass.get(k), byClass.get(k));
      apPerClass.put(label.getKey(), Arrays.stream(ap).boxed().toList());
      for (int t = 0; t < ap.length; t++) {
        mAP[t] += ap[t];
      }
    }
    double sum = 0;
    for (int t = 0; t < mAP.length; t++) {
      mAP[t] /= classes;
      sum += mAP[t];
    }
    return new DetectionMetrics(thresholds, Arrays.stream(mAP).boxed().toList(), sum / mAP.length, apPerClass, scored, ignored);
  }

  /** AP per threshold of one class's predictions against its instances. */
  private double[] classAp(Map<String, VideoTruth> truth, int instances, List<Ranked> predictions) {
    int thresholdCount = thresholds.size();
    int n = predictions.size();
    Ranked[] ranked = predictions.toArray(Ranked[]::new);
    Arrays.sort(ranked, Ranked::byScore);

    int[][] truePositives = new int[thresholdCount][n + 1]; // cumulative: [t][rank + 1]
    Map<String, boolean[][]> matched = new HashMap<>();     // video -> [t][instance]
    for (int r = 0; r < n; r++) {
      Ranked candidate = ranked[r];
      for (int t = 0; t < thresholdCount; t++) {
        truePositives[t][r + 1] = truePositives[t][r];
      }
      VideoTruth video = truth.get(candidate.video());
      if (video == null) {
        continue; // no instance of the class in this video: a false positive at every threshold
      }
      double[] tiou = video.tiou(candidate.prediction());
      int[] order = byOverlap(tiou);
      boolean[][] taken = matched.computeIfAbsent(candidate.video(), v -> new boolean[thresholdCount][tiou.length]);
      for (int t = 0; t < thresholdCount; t++) {
        if (match(tiou, order, taken[t], thresholds.get(t))) {
          truePositives[t][r + 1]++;
        }
      }
    }

    double[] ap = new double[thresholdCount];
    for (int t = 0; t < thresholdCount; t++) {
      double[] precision = new double[n];
      double[] recall = new double[n];
      for (int r = 0; r < n; r++) {
        double tp = truePositives[t][r + 1];
        precision[r] = tp / (r + 1);
        recall[r] = tp / instances;
      }
      ap[t] = n == 0 ? 0 : AveragePrecision.interpolated(precision, recall);
    }
    return ap;
  }

  /** Instance indices by tIoU, highest first, NaN before all, equal tIoU the later instance first. */
  private static int[] byOverlap(double[] tiou) {
    return IntStream.range(0, tiou.length).boxed()
        .sorted((a, b) -> {
          boolean undefinedA = Double.isNaN(tiou[a]);
          boolean undefinedB = Double.isNaN(tiou[b]);
          if (undefinedA != undefinedB) {
            return undefinedA ? -1 : 1;
          }
          int byValue = descending(tiou[a], tiou[b]);
          return byValue != 0 ? byValue : Integer.compare(b, a);
        })
        .mapToInt(Integer::intValue).toArray();
  }

  /** Larger first; {@code <} and {@code >} rather than {@link Double#compare} so that -0.0 ties 0.0, as in numpy. */
  private static int descending(double a, double b) {
    return a > b ? -1 : a < b ? 1 : 0;
  }

  /** Matches a prediction at one threshold: the scan of the class comment. */
  private static boolean match(double[] tiou, int[] order, boolean[] taken, double threshold) {
    for (int j : order) {
      if (tiou[j] < threshold) {  // false for NaN: an empty union matches (class comment)
        return false;
      }
      if (!taken[j]) {
        taken[j] = true;
        return true;
      }
    }
    return false;
  }

  /** A prediction of one class with its video and its position in the input, for ranking. */
  private record Ranked(String video, Prediction prediction, int position) {

    /** Score descending, then later input first (class comment). */
    static int byScore(Ranked a, Ranked b) {
      int byValue = descending(a.prediction.score(), b.prediction.score());
      return byValue != 0 ? byValue : Integer.compare(b.position, a.position);
    }
  }

  /** One video's instances of one class. */
  private record VideoTruth(double[] starts, double[] ends) {

    static VideoTruth of(List<ActionInstance> instances) {
      double[] starts = new double[instances.size()];
      double[] ends = new double[instances.size()];
      for (int i = 0; i < starts.length; i++) {
        starts[i] = instances.get(i).start();
        ends[i] = instances.get(i).end();
      }
      return new VideoTruth(starts, ends);
    }

    /** tIoU with each instance; NaN where both intervals are empty (class comment). */
    double[] tiou(Prediction prediction) {
      double[] out = SegmentIou.iou(prediction.start(), prediction.end(), starts, ends);
      if (prediction.start() == prediction.end()) {
        for (int j = 0; j < out.length; j++) {
          if (starts[j] == ends[j]) {
            out[j] = Double.NaN;
          }
        }
      }
      return out;
    }
  }
}
