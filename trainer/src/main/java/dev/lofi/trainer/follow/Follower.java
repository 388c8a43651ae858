package dev.lofi.trainer.follow;

import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.trainer.data.TrainingFootage;
import dev.lofi.trainer.promotion.ModelDecisions;
import dev.lofi.trainer.promotion.ServingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Continuous retraining ({@code lofi train --follow}): watches the annotated training videos and,
 * when its trigger fires, has a candidate trained from the serving model and decided on by the
 * gate. What the model already knows is read from the topics, not kept by the follower: the
 * training videos the serving checkpoint records, and those of the candidate the gate refused last
 * (so a refusal does not start the same retrain again). A follower killed at any point starts again
 * from there: nothing is counted twice, and a retrain cut short published no serving checkpoint, so
 * it is simply run again. Videos a retrain was given but could not learn from (no features, say)
 * wait until they change, or for the follower's next start.
 */
public final class Follower implements AutoCloseable {

  /** One retrain: a candidate trained from the serving model on the topics' footage, and the gate's decision. */
  @FunctionalInterface
  public interface Retraining {
    ModelDecision retrain(String reason);
  }

  private final String bootstrap;
  private final ServingModel serving;
  private final RetrainTrigger trigger;
  private final Retraining retraining;
  private final Consumer<String> report;
  private final FootageFeed feed;
  /** The footage this follower's last retrain was started on: not started again for the same videos. */
  private Optional<TrainingFootage> attempted = Optional.empty();
  private Known known;
  private boolean toldNothingServes;
  private long lastRetrain = System.nanoTime();
  private String lastWaiting = "";

  /** What the serving model knows: its classes, and the footage it and a refused candidate learnt. */
  private record Known(Set<String> labels, List<TrainingFootage> footage) {}

  /**
   * @param report a line for a person: what the model knows, what is waiting, why a retrain starts
   */
  public Follower(String bootstrap, String model, RetrainTrigger trigger, Retraining retraining,
      Consumer<String> report) {
    this.bootstrap = bootstrap;
    this.serving = new ServingModel(bootstrap, model);
    this.trigger = trigger;
    this.retraining = retraining;
    this.report = report;
    this.feed = new FootageFeed(bootstrap);
  }

  /** Polls every {@code interval} until {@code stop} is counted down; a retrain under way finishes first. */
  public void run(Duration interval, CountDownLatch stop) throws InterruptedException {
    do {
      poll();
    } while (!stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
  }

  /**
   * One look at the topics: retrains if the trigger fires.
   *
   * @return the gate's decision if a retrain ran and reached it
   */
  public Optional<ModelDecision> poll() {
    if (known == null) {
      // The serving checkpoint is what every retrain starts from; with none, look again next time.
      known = readKnown().orElse(null);
      if (known == null) {
        return Optional.empty();
      }
    }
    TrainingFootage footage = feed.catchUp();
    List<TrainingFootage> learnt = new ArrayList<>(known.footage());
    attempted.ifPresent(learnt::add);
    TrainingFootage waiting = footage.unknownTo(learnt);
    Set<String> newLabels = feed.labels(waiting);
    newLabels.removeAll(known.labels());
    String now = waiting.size() + " waiting" + (newLabels.isEmpty() ? "" : ", new classes " + newLabels);
    if (!now.equals(lastWaiting) && !waiting.isEmpty()) {
      report.accept("follow: " + waiting.size() + " new or changed training videos waiting"
          + (newLabels.isEmpty() ? "" : ", holding the new classes " + newLabels));
    }
    lastWaiting = now;
    Optional<String> fired = trigger.fires(waiting, newLabels, Duration.ofNanos(System.nanoTime() - lastRetrain));
    if (fired.isEmpty()) {
      return Optional.empty();
    }
    report.accept("follow: retraining " + serving.model() + " on " + footage.size() + " training videos: "
        + fired.get());
    attempted = Optional.of(footage);
    lastRetrain = System.nanoTime();
    try {
      ModelDecision decision = retraining.retrain(fired.get());
      report.accept(String.format(Locale.ROOT, "follow: retrain done in %.1f s: %s %s",
          (System.nanoTime() - lastRetrain) / 1e9, decision.candidate(), decision.decision().name().toLowerCase(Locale.ROOT)));
      return Optional.of(decision);
    } catch (RuntimeException e) {
      // One failed retrain (a video without features, no validation video yet) must not end the service.
      report.accept("follow: retrain failed, the serving checkpoint stays; waiting for more footage: "
          + e.getMessage());
      return Optional.empty();
    } finally {
      known = null;
    }
  }

  private Optional<Known> readKnown() {
    Optional<Checkpoint> current = serving.current();
    if (current.isEmpty()) {
      if (!toldNothingServes) {
        report.accept("follow: nothing serves " + serving.model() + " yet; a retrain starts from the serving "
            + "checkpoint: train one first (lofi train --stage all)");
        toldNothingServes = true;
      }
      return Optional.empty();
    }
    CheckpointConfig config = CheckpointConfig.of(current.get().manifest());
    List<TrainingFootage> footage = new ArrayList<>(List.of(new TrainingFootage(config.trainedOn())));
    refusedLast().ifPresent(footage::add);
    report.accept(String.format(Locale.ROOT, "follow: %s serves, trained on %d training videos, classes %s; "
        + "retrains on %s", CheckpointConfig.versionOf(current.get().manifest()), config.trainedOn().size(),
        config.labels(), trigger.describe()));
    return Optional.of(new Known(Set.copyOf(config.labels()), footage));
  }

  /** The footage of the candidate refused by the model's last decision, if that was a refusal and it is still kept. */
  private Optional<TrainingFootage> refusedLast() {
    List<ModelDecision> history = new ModelDecisions(bootstrap).history(serving.model());
    if (history.isEmpty() || history.get(history.size() - 1).decision() != ModelDecision.Decision.REFUSED) {
      return Optional.empty();
    }
    String candidate = history.get(history.size() - 1).candidate();
    int at = candidate.lastIndexOf('@');
    return new CheckpointStore(bootstrap).version(candidate.substring(0, at), candidate.substring(at + 1))
        .map(c -> new TrainingFootage(CheckpointConfig.of(c.manifest()).trainedOn()));
  }

  @Override
  public void close() {
    feed.close();
  }
}
