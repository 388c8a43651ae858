package dev.lofi.model.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The chance level of a localizer: predictions that know the classes and lengths of actions but not
 * where they are. Each random segment copies the label and length of an example action drawn at
 * random (so classes and lengths follow the examples' distribution), starts anywhere it fits in its
 * video, and has a random score. A model is better than chance when its mAP is above what such
 * guesses reach, given as many guesses per video as the model made.
 */
public final class RandomSegments {

  private final List<ActionInstance> examples;

  /**
   * @param examples the actions whose classes and lengths the guesses follow, typically the
   *     training set's ground truth
   * @throws IllegalArgumentException if there are none
   */
  public RandomSegments(Collection<ActionInstance> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("random segments need at least one example action");
    }
    this.examples = List.copyOf(examples);
  }

  /**
   * One draw: for each video, {@code counts.get(video)} random segments inside {@code [0,
   * duration]}. A segment longer than its video is cut to the video.
   *
   * @param durations video id to duration in seconds
   * @param counts video id to how many segments to draw (videos not in it get none)
   */
  public Map<String, List<Prediction>> draw(Map<String, Double> durations, Map<String, Integer> counts,
      SplittableRandom random) {
    Map<String, List<Prediction>> predictions = new LinkedHashMap<>();
    durations.forEach((video, duration) -> {
      int count = counts.getOrDefault(video, 0);
      List<Prediction> guesses = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ActionInstance example = examples.get(random.nextInt(examples.size()));
        double length = Math.min(duration, example.end() - example.start());
        double start = duration > length ? random.nextDouble(duration - length) : 0;
        guesses.add(new Prediction(example.label(), start, start + length, random.nextDouble()));
      }
      predictions.put(video, guesses);
    });
    return predictions;
  }

  /**
   * The metrics of {@code draws} independent draws under {@code evaluation}, each seeded from
   * {@code seed}: the distribution a model's mAP is compared with, at every threshold.
   */
  public List<DetectionMetrics> evaluate(DetectionEvaluation evaluation, Map<String, Double> durations,
      Map<String, Integer> counts, int draws, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<DetectionMetrics> metrics = new ArrayList<>(draws);
    for (int d = 0; d < draws; d++) {
      metrics.add(evaluation.evaluate(draw(durations, counts, random.split())));
    }
    return metrics;
  }
}
