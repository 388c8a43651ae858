package dev.lofi.trainer.metrics;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.TrainerMetric;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a training run's metrics to {@code lofi.trainer.metrics}, keyed by the run id, as JSON
 * ({@link RecordSerdes#trainerMetric()}), and passes every call on to a listener (the console's
 * progress bar). Stages talk to it as to any {@link StageListener}; {@link #step} and
 * {@link #epoch} build the record (run id, time) for them.
 *
 * <p>A plain idempotent producer, not a transactional one: a metric is a measurement with no unit
 * to commit, and a dashboard should see it at once. Idempotence keeps a run's records in order and
 * free of the producer's own retry duplicates. Sends are asynchronous, so a slow broker never holds
 * up a step; {@link #stageFinished} and {@link #close} wait for what was sent. Metrics are
 * telemetry: a record that cannot be written is logged and counted ({@link #failedSends()}), and
 * training goes on.
 *
 * <p>Not thread-safe beyond what the producer is: one training thread calls it.
 */
public final class MetricsPublisher implements StageListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsPublisher.class);
  /** Metrics are small; the clip-sized defaults of {@link ClientProperties#producer} are not needed. */
  private static final int BATCH_BYTES = 16 * 1024;
  private static final long BUFFER_BYTES = 4L * 1024 * 1024;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaProducer<String, TrainerMetric> producer;
  private final String run;
  private final StageListener listener;
  private final Clock clock;
  private final AtomicLong failed = new AtomicLong();

  /**
   * @param bootstrap the Kafka cluster
   * @param run the run id: every record's key and {@code run} field
   * @param listener told everything as well, after the record is handed to the producer
   */
  public MetricsPublisher(String bootstrap, String run, StageListener listener) {
    this(bootstrap, run, listener, Clock.systemUTC());
  }

  MetricsPublisher(String bootstrap, String run, StageListener listener, Clock clock) {
    if (run == null || run.isBlank()) {
      throw new IllegalArgumentException("a run id is required");
    }
    this.run = run;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    Properties props = ClientProperties.producer(bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "lofi-metrics-" + run);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_BYTES);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), RecordSerdes.trainerMetric().serializer());
  }

  /** The run id. */
  public String run() {
    return run;
  }

  /**
   * Publishes and reports one optimizer step.
   *
   * @param epoch epochs completed before this step
   * @param step optimizer steps completed, this one included
   * @param fidelity the fidelity trained at, or null (head training on features)
   * @param loss the step's loss; published as null where it is not finite (the step was skipped)
   * @param peakBytes the trainer process's peak resident memory during the step, or null where it cannot be measured
   * @param gradientNorm the global gradient norm before clipping; null where not finite or not computed
   * @param skippedSteps the stage's steps skipped so far for a non-finite loss or gradient
   * @return the record sent
   */
  public TrainerMetric step(String stage, int epoch, long step, String fidelity, double loss, double learningRate,
      double stepSeconds, Long peakBytes, double gradientNorm, long skippedSteps) {
    TrainerMetric metric = new TrainerMetric(run, stage, TrainerMetric.Kind.STEP, epoch, step, fidelity,
        Double.isFinite(loss) ? loss : null, learningRate, stepSeconds, peakBytes, null, null, null,
        Double.isFinite(gradientNorm) ? gradientNorm : null, skippedSteps, clock.instant());
    stepFinished(metric);
    return metric;
  }

  /**
   * Publishes and reports the end of an epoch.
   *
   * @param epoch epochs completed, this one included
   * @param step optimizer steps completed
   * @param fidelity the epoch's fidelity (C-LoFi's long cycle changes it per epoch), or null
   * @param meanLoss the epoch's mean training loss, or null
   * @param learningRate the learning rate at the epoch's end, or null
   * @param averageMap validation mAP averaged over the tIoU thresholds, or null without a validation subset
   * @return the record sent
   */
  public TrainerMetric epoch(String stage, int epoch, long step, String fidelity, Double meanLoss,
      Double learningRate, Double averageMap) {
    return epoch(stage, epoch, step, fidelity, meanLoss, learningRate, averageMap, null, null);
  }

  /**
   * Publishes and reports the end of an epoch of a stage that also measures accuracy.
   *
   * @param accuracy the epoch's classification accuracy on its training clips, or null
   * @param validationAccuracy the same on the validation videos' segments, or null
   * @see #epoch(String, int, long, String, Double, Double, Double)
   */
  public TrainerMetric epoch(String stage, int epoch, long step, String fidelity, Double meanLoss,
      Double learningRate, Double averageMap, Double accuracy, Double validationAccuracy) {
    TrainerMetric metric = new TrainerMetric(run, stage, TrainerMetric.Kind.EPOCH, epoch, step, fidelity, meanLoss,
        learningRate, null, null, averageMap, accuracy, validationAccuracy, null, null, clock.instant());
    epochFinished(metric);
    return metric;
  }

  @Override
  public void stageStarted(String stage, int epochs, int stepsPerEpoch) {
    listener.stageStarted(stage, epochs, stepsPerEpoch);
  }

  @Override
  public void stepFinished(TrainerMetric metric) {
    send(metric, TrainerMetric.Kind.STEP);
    listener.stepFinished(metric);
  }

  @Override
  public void stageProgress(String stage, long done, long total, String unit) {
    listener.stageProgress(stage, done, total, unit);
  }

  @Override
  public void epochFinished(TrainerMetric metric) {
    send(metric, TrainerMetric.Kind.EPOCH);
    listener.epochFinished(metric);
  }

  /** Waits until the stage's metrics are written, then tells the listener. */
  @Override
  public void stageFinished(String stage, String summary) {
    producer.flush();
    listener.stageFinished(stage, summary);
  }

  /** Records that could not be written so far; the first three are logged. */
  public long failedSends() {
    return failed.get();
  }

  /** Writes what is pending (waiting up to 30 s) and closes the producer. */
  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }

  private void send(TrainerMetric metric, TrainerMetric.Kind kind) {
    if (!metric.run().equals(run) || metric.kind() != kind) {
      throw new IllegalArgumentException("this publisher sends " + kind.name().toLowerCase(Locale.ROOT)
          + " metrics of run " + run + ", got a " + metric.kind().name().toLowerCase(Locale.ROOT)
          + " metric of run " + metric.run());
    }
    producer.send(new ProducerRecord<>(TopicCatalog.TRAINER_METRICS.name(), run, metric), (meta, e) -> {
      if (e != null && failed.getAndIncrement() < 3) {
        LOG.warn("metric of run {} (stage {}, step {}) not written to {}: {}", run, metric.stage(), metric.step(),
            TopicCatalog.TRAINER_METRICS.name(), e.toString());
      }
    });
  }
}
