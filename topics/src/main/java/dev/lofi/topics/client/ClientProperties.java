package dev.lofi.topics.client;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client settings every lofi producer, consumer, admin and Streams client starts from: the
 * cluster's address, the user's client config ({@code --kafka-config}: security, tuning), then the
 * settings each role's guarantees need, which the user's config cannot weaken.
 */
public final class ClientProperties {

  /**
   * The largest request a producer sends: one record of the largest topic ({@code lofi.dlq}) plus
   * batch overhead. Topics enforce their own, smaller limits.
   */
  public static final int MAX_REQUEST_BYTES = 17 * 1024 * 1024;

  /**
   * The user's client config, set once per process at the command line's edge, as Kafka's own
   * tools read one {@code --command-config} for every client they make.
   */
  private static volatile Map<String, String> userConfig = Map.of();

  private ClientProperties() {}

  /**
   * Makes every client created from now on start from {@code settings} (from {@link
   * ClientConfigFile#read}); an empty map goes back to a plain connection.
   */
  public static void useClientConfig(Map<String, String> settings) {
    userConfig = Map.copyOf(settings);
  }

  /** An idempotent producer that waits for the write to be durable before it counts as sent. */
  public static Properties producer(String bootstrap) {
    Properties p = base(bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Clip snippets are large: a batch holds a few of them rather than waiting for one to fill.
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
    return p;
  }

  /** A consumer in {@code groupId} that starts at the beginning and commits only when told to. */
  public static Properties consumer(String bootstrap, String groupId) {
    Properties p = base(bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    return p;
  }

  /** An admin client. */
  public static Properties admin(String bootstrap) {
    return base(bootstrap);
  }

  /** A Kafka Streams application's connection; it passes the user's config on to its own clients. */
  public static Properties streams(String bootstrap) {
    return base(bootstrap);
  }

  private static Properties base(String bootstrap) {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers must be given as HOST:PORT[,HOST:PORT...]");
    }
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_DNS_LOOKUP_CONFIG, "use_all_dns_ips");
    p.putAll(userConfig);
    return p;
  }
}
