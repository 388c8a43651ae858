package dev.lofi.model.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gaussian soft-NMS per class, as ActionFormer post-processes (Bodla et al. 2017): repeatedly keep
 * the best remaining detection of a class and decay every other one of that class by
 * {@code exp(-tIoU^2 / sigma)}; detections whose score falls below {@code minScore} are dropped.
 * The classes are then merged and the best {@code maxDetections} returned, best first.
 *
 * <p>Deterministic: equal scores are ordered by {@link #ORDER} (earlier start, then earlier end,
 * then lower label), and identical detections by their input order. Scores never rise.
 *
 * @param sigma Gaussian width, {@code > 0}; ActionFormer uses 0.5 (0.75 on ActivityNet)
 * @param minScore detections decayed below this are dropped, {@code >= 0}
 * @param maxDetections at most this many come back, per class and overall ({@code >= 1})
 */
public record SoftNms(double sigma, double minScore, int maxDetections) {

  /** Best first; ties by earlier start, earlier end, lower label. */
  public static final Comparator<Detection> ORDER = Comparator.comparingDouble(Detection::score).reversed()
      .thenComparingDouble(Detection::start)
      .thenComparingDouble(Detection::end)
      .thenComparingInt(Detection::label);

  /** The paper's post-processing: sigma 0.5, scores below 0.001 dropped, top 100 per video. */
  public static final SoftNms DEFAULT = new SoftNms(0.5, 0.001, 100);

  public SoftNms {
    if (!Double.isFinite(sigma) || sigma <= 0) {
      throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
    }
    if (!Double.isFinite(minScore) || minScore < 0) {
      throw new IllegalArgumentException("minScore must be finite and >= 0, got " + minScore);
    }
    if (maxDetections < 1) {
      throw new IllegalArgumentException("maxDetections must be >= 1, got " + maxDetections);
    }
  }

  /** Soft-NMS of one video's detections, best first, at most {@link #maxDetections}. */
  public List<Detection> apply(List<Detection> detections) {
    Map<Integer, List<Detection>> byClass = new TreeMap<>();
    for (Detection d : detections) {
      byClass.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(d);
    }
    List<Detection> kept = new ArrayList<>();
    for (List<Detection> sameClass : byClass.values()) {
      kept.addAll(oneClass(sameClass));
    }
    kept.sort(ORDER); // a stable sort: ties keep class order, then selection order
    return List.copyOf(kept.subList(0, Math.min(maxDetections, kept.size())));
  }

  private List<Detection> oneClass(List<Detection> detections) {
    int n = detections.size();
    Detection[] pool = detections.toArray(Detection[]::new);
    boolean[] alive = new boolean[n];
    int remaining = 0;
    for (int i = 0; i < n; i++) {
      alive[i] = pool[i].score() >= minScore;
      remaining += alive[i] ? 1 : 0;
    }
    List<Detection> kept = new ArrayList<>();
    while (remaining > 0 && kept.size() < maxDetections) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (alive[i] && (best < 0 || ORDER.compare(pool[i], pool[best]) < 0)) {
          best = i; // strict: among identical detections the earliest input wins
        }
      }
      Detection top = pool[best];
      kept.add(top);
      alive[best] = false;
      remaining--;
      for (int i = 0; i < n; i++) {
        if (!alive[i]) {
          continue;
        }
        double iou = SegmentIou.iou(top, pool[i]);
        double decayed = pool[i].score() * Math.exp(-(iou * iou) / sigma);
        if (decayed < minScore) {
          alive[i] = false;
          remaining--;
        } else {
          pool[i] = pool[i].withScore(Math.min(decayed, pool[i].score()));
        }
      }
    }
    return kept;
  }
}
