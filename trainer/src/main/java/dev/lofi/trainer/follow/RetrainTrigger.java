package dev.lofi.trainer.follow;

import dev.lofi.trainer.data.TrainingFootage;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When a follower retrains, given the training videos waiting (new, or changed since the model
 * learnt them): once enough are waiting, as soon as one holds a class the serving model lacks, or
 * on a schedule whenever any is waiting. Nothing waiting, nothing fires.
 *
 * @param videos waiting videos that start a retrain; 0: never by count
 * @param newLabel whether a class the serving model lacks starts one
 * @param every time since the last retrain (or the follower's start) after which any waiting video
 *     starts one; null: no schedule
 */
public record RetrainTrigger(int videos, boolean newLabel, Duration every) {

  /** Waiting videos that start a retrain by default. */
  public static final int DEFAULT_VIDEOS = 10;

  public RetrainTrigger {
    if (videos < 0) {
      throw new IllegalArgumentException("the count of waiting videos that starts a retrain must be >= 0, got "
          + videos);
    }
    if (every != null && (every.isNegative() || every.isZero())) {
      throw new IllegalArgumentException("the retrain schedule must be a positive duration, got " + every);
    }
    if (videos == 0 && !newLabel && every == null) {
      throw new IllegalArgumentException("nothing would ever start a retrain: give a count of videos, a schedule, "
          + "or retrain on a new class");
    }
  }

  /**
   * Why a retrain starts now, or empty.
   *
   * @param newLabels the classes of the waiting videos that the serving model lacks
   * @param sinceLast time since the last retrain, or since the follower started
   */
  public Optional<String> fires(TrainingFootage waiting, Set<String> newLabels, Duration sinceLast) {
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    if (newLabel && !newLabels.isEmpty()) {
      return Optional.of(String.format(Locale.ROOT, "new classes %s in %s", newLabels, count(waiting)));
    }
    if (videos > 0 && waiting.size() >= videos) {
      return Optional.of(String.format(Locale.ROOT, "%s, the trigger is %d", count(waiting), videos));
    }
    if (every != null && sinceLast.compareTo(every) >= 0) {
      return Optional.of(String.format(Locale.ROOT, "the schedule: %s since the last retrain, %s", words(sinceLast),
          count(waiting)));
    }
    return Optional.empty();
  }

  /** What fires, in words, for the follower's first line. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (videos > 0) {
      s.append(videos).append(" new or changed training videos");
    }
    if (newLabel) {
      s.append(s.isEmpty() ? "" : ", ").append("a new class");
    }
    if (every != null) {
      s.append(s.isEmpty() ? "" : ", or ").append("every ").append(words(every)).append(" with any waiting");
    }
    return s.toString();
  }

  private static String count(TrainingFootage waiting) {
    return waiting.size() + " new or changed training video" + (waiting.size() == 1 ? "" : "s");
  }

  /** A duration as a person writes it: 90s, 5m, 2h. */
  static String words(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
