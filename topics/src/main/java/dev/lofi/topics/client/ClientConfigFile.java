package dev.lofi.topics.client;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A Kafka client properties file, as Kafka's own tools take with {@code --command-config}: the
 * security ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) and tuning of a managed
 * cluster. Read once, at the command line's edge, and refused whole, naming the file and the key,
 * if it sets something lofi cannot honour.
 */
public final class ClientConfigFile {

  /** Settings lofi's delivery guarantees rest on, or that name the cluster: not the file's to set. */
  private static final Map<String, String> OWNED = Map.ofEntries(
      Map.entry(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "give the cluster with --bootstrap"),
      Map.entry(ConsumerConfig.GROUP_ID_CONFIG, "each lofi consumer names its own group"),
      Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "lofi commits only what it has processed"),
      Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "lofi reads only committed transactions"),
      Map.entry(ProducerConfig.ACKS_CONFIG, "lofi waits for every in-sync replica"),
      Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "lofi's producers are idempotent"),
      Map.entry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lofi names its own transactions"),
      Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "lofi's record formats fix the serializers"),
      Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "lofi's record formats fix the serializers"),
      Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "lofi's record formats fix the deserializers"),
      Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "lofi's record formats fix the deserializers"));

  private ClientConfigFile() {}

  /**
   * The settings of {@code file}, checked: every key a Kafka producer, consumer or admin setting,
   * which Kafka Streams passes on to its own clients (a typo such as {@code sasl.jass.config}
   * fails here, not as a login error later), and none of those lofi owns.
   *
   * @throws IllegalArgumentException naming the file and the key; never a value, which may be a password
   */
  public static Map<String, String> read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the Kafka client config " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> settings = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key).strip()));
    check(file, settings);
    return settings;
  }

  private static void check(Path file, Map<String, String> settings) {
    Set<String> known = new TreeSet<>();
    known.addAll(ProducerConfig.configNames());
    known.addAll(ConsumerConfig.configNames());
    known.addAll(AdminClientConfig.configNames());
    for (String key : settings.keySet()) {
      if (OWNED.containsKey(key)) {
        throw new IllegalArgumentException(file + ": '" + key + "' cannot be set here: " + OWNED.get(key));
      }
      if (!known.contains(key)) {
        throw new IllegalArgumentException(file + ": '" + key + "' is not a Kafka client setting");
      }
    }
  }
}
