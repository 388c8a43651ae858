package dev.lofi.localizer.stream;

import dev.lofi.localizer.reload.CheckpointWatcher;
import dev.lofi.localizer.reload.CurrentModel;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the live localizer: a {@link CheckpointWatcher} keeping the current model and the
 * Kafka Streams application of {@link LocalizerTopology}. Processing starts once a first usable
 * checkpoint has loaded (snippets wait on their topic meanwhile); later checkpoints are swapped in
 * without a restart. Instances with the same application id share the streams by partition.
 */
public final class LiveLocalizer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveLocalizer.class);

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private final CurrentModel models = new CurrentModel();
  private final CheckpointWatcher watcher;
  private final KafkaStreams streams;
  private final AtomicBoolean streamsStarted = new AtomicBoolean();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile Throwable failure;

  /**
   * @param config the Kafka Streams configuration, {@link LocalizerTopology#streamsConfig} or a
   *     variation of it
   */
  public LiveLocalizer(String bootstrap, LocalizerSettings settings, Properties config, LocalizerListener listener) {
    streams = new KafkaStreams(LocalizerTopology.buildTopology(new StreamsBuilder(), settings, models, listener),
        config);
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("localizer stopped: {}", error.getMessage(), error);
      failure = error;
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((next, previous) -> {
      if (next == KafkaStreams.State.NOT_RUNNING || next == KafkaStreams.State.ERROR) {
        ended.countDown();
      }
    });
    watcher = new CheckpointWatcher(bootstrap, settings.model(), models, new LocalizerListener() {
      @Override
      public void waiting(String reason) {
        listener.waiting(reason);
      }

      @Override
      public void loaded(String version) {
        listener.loaded(version);
        if (streamsStarted.compareAndSet(false, true)) {
          streams.start();
        }
      }

      @Override
      public void refused(String version, String reason) {
        listener.refused(version, reason);
      }
    });
  }

  /** Starts watching checkpoints; processing starts with the first model. */
  public void start() {
    watcher.start();
  }

  /** {@code model@version} of the model running now, if one has loaded. */
  public Optional<String> modelVersion() {
    return models.version();
  }

  /** The Kafka Streams state; {@code CREATED} until the first model has loaded. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The application, for its metadata (which tasks and partitions this instance runs). */
  public KafkaStreams streams() {
    return streams;
  }

  /** Waits until processing has stopped (closed, or failed); false if {@code timeout} passed first. */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Why processing stopped, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Stops: commits what was processed, leaves the group, and lets the model go. */
  @Override
  public void close() {
    watcher.close();
    // Leaving at once hands the streams to the other instances now, not after the session timeout.
    streams.close(CloseOptions.timeout(CLOSE_TIMEOUT).withGroupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP));
    models.close();
    ended.countDown();
  }
}
