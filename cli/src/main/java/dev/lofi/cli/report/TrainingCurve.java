package dev.lofi.cli.report;

import dev.lofi.topics.record.TrainerMetric;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One configuration's training curves in one stage: the loss after each step and, where the stage
 * validated, mAP after each epoch.
 *
 * @param configuration the name the legend shows, as in the table
 * @param stage the training stage, as {@code lofi.trainer.metrics} names it ({@code lofi}, {@code head})
 * @param loss the training loss at each step, steps ascending; not empty
 * @param validationMap average mAP on the validation videos at each epoch, a fraction in [0, 1],
 *     epochs ascending; empty where the stage did not validate
 */
public record TrainingCurve(String configuration, String stage, List<Point> loss, List<Point> validationMap) {

  /**
   * A measurement.
   *
   * @param at the step (loss) or epoch (mAP) it was taken after
   * @param value what was measured
   */
  public record Point(long at, double value) {

    public Point {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a measurement must be finite, got " + value + " at " + at);
      }
    }
  }

  public TrainingCurve {
    if (configuration == null || configuration.isBlank()) {
      throw new IllegalArgumentException("a training curve needs its configuration's name");
    }
    if (stage == null || stage.isBlank()) {
      throw new IllegalArgumentException(configuration + ": a training curve needs its stage's name");
    }
    loss = List.copyOf(loss);
    validationMap = List.copyOf(validationMap);
    if (loss.isEmpty()) {
      throw new IllegalArgumentException(configuration + ": a training curve needs at least one step's loss");
    }
    requireAscending(configuration, "loss", loss);
    requireAscending(configuration, "validation mAP", validationMap);
    for (Point p : validationMap) {
      if (p.value() < 0 || p.value() > 1) {
        throw new IllegalArgumentException(configuration + ": mAP must be in [0, 1], got " + p.value()
            + " at epoch " + p.at());
      }
    }
  }

  /**
   * The curves of one stage of a run, from its metrics as {@code lofi.trainer.metrics} carries
   * them: step records give the loss, epoch records the validation mAP where they have one. Steps
   * count from each stage's start, so a run's stages are plotted one at a time. Records may come
   * in any order.
   */
  public static TrainingCurve fromMetrics(String configuration, String stage, List<TrainerMetric> metrics) {
    // A resumed run trains its killed epoch again: the later measurement of a step is the one kept.
    SortedMap<Long, Double> loss = new TreeMap<>();
    SortedMap<Long, Double> map = new TreeMap<>();
    for (TrainerMetric m : metrics) {
      if (!m.stage().equals(stage)) {
        continue;
      }
      if (m.kind() == TrainerMetric.Kind.STEP && m.loss() != null) {
        loss.put(m.step(), m.loss());
      } else if (m.kind() == TrainerMetric.Kind.EPOCH && m.averageMap() != null) {
        map.put((long) m.epoch(), m.averageMap());
      }
    }
    return new TrainingCurve(configuration, stage, points(loss), points(map));
  }

  private static List<Point> points(SortedMap<Long, Double> values) {
    return values.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
  }

  private static void requireAscending(String configuration, String what, List<Point> points) {
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).at() <= points.get(i - 1).at()) {
        throw new IllegalArgumentException(configuration + ": " + what + " must be in ascending order, got "
            + points.get(i - 1).at() + " then " + points.get(i).at());
      }
    }
  }
}
