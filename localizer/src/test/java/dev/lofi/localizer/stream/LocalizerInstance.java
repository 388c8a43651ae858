package dev.lofi.localizer.stream;

import dev.lofi.topics.record.ClipSnippet;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A localizer instance in a JVM of its own, for the test that kills one: it runs until it is
 * killed, and tells its parent on standard output what it does, one line each: {@code loaded
 * VERSION}, {@code assigned P,P,...} (its input partitions, whenever they change while running)
 * and {@code processed STREAM INDEX}.
 */
public final class LocalizerInstance {

  private LocalizerInstance() {}

  /** Arguments: bootstrap, model, application id, state directory. */
  public static void main(String[] args) throws InterruptedException {
    LocalizerSettings settings = TestSettings.of(args[1], args[2], Path.of(args[3]));
    LocalizerListener reporter = new LocalizerListener() {
      @Override
      public void loaded(String version) {
        say("loaded " + version);
      }

      @Override
      public void processed(ClipSnippet snippet) {
        say("processed " + snippet.videoId() + " " + snippet.snippetIndex());
      }
    };
    LiveLocalizer localizer = new LiveLocalizer(args[0], settings, failoverConfig(args[0], settings), reporter);
    localizer.start();
    String assigned = "";
    while (true) {
      Thread.sleep(50);
      if (localizer.state() == KafkaStreams.State.RUNNING) {
        String now = String.join(",", partitions(localizer).stream().map(String::valueOf).toList());
        if (!now.equals(assigned)) {
          assigned = now;
          say("assigned " + now);
        }
      }
    }
  }

  /**
   * The localizer's config, with a dead member noticed in seconds rather than the default 45 s
   * and its open transaction aborted after 5 s, so that a killed instance's streams move on soon.
   */
  static Properties failoverConfig(String bootstrap, LocalizerSettings settings) {
    Properties config = LocalizerTopology.streamsConfig(bootstrap, settings);
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
    config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 5000);
    return config;
  }

  /** The input partitions this instance's threads process now. */
  static TreeSet<Integer> partitions(LiveLocalizer localizer) {
    TreeSet<Integer> partitions = new TreeSet<>();
    localizer.streams().metadataForLocalThreads().forEach(thread -> thread.activeTasks().forEach(task ->
        task.topicPartitions().stream().map(TopicPartition::partition).forEach(partitions::add)));
    return partitions;
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
