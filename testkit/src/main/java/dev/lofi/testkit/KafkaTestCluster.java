package dev.lofi.testkit;

import dev.lofi.topics.broker.BrokerSettings;
import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import java.util.Locale;
import org.apache.kafka.common.utils.Exit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker integration tests run against: a Testcontainers Kafka where a Docker engine
 * answers, the in-process KRaft broker otherwise, so the same tests run everywhere and are never
 * skipped. Set {@code -Dlofi.test.kafka=container|embedded} to force one.
 */
public final class KafkaTestCluster implements AutoCloseable {

  /** Image of the container broker; override with {@code -Dlofi.test.kafka.image=...}. */
  public static final String DEFAULT_IMAGE = "apache/kafka:4.1.1";

  /** Which kind of broker a cluster is. */
  public enum Kind { CONTAINER, EMBEDDED }

  private static KafkaTestCluster shared;

  private final Kind kind;
  private final String bootstrapServers;
  private final AutoCloseable broker;

  private KafkaTestCluster(Kind kind, String bootstrapServers, AutoCloseable broker) {
    this.kind = kind;
    this.bootstrapServers = bootstrapServers;
    this.broker = broker;
  }

  /** One cluster per test JVM, started on first use and stopped when the JVM exits. */
  public static synchronized KafkaTestCluster shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-test-cluster-stop"));
    }
    return shared;
  }

  /** A new cluster of its own, for tests that stop or restart their broker. */
  public static KafkaTestCluster start() {
    KafkaTestCluster cluster = chooseKind() == Kind.CONTAINER ? startContainer() : startEmbedded();
    // Printed, not logged: the build output must say which broker the tests ran against.
    System.out.println("[KafkaTestCluster] " + cluster.describe());
    return cluster;
  }

  /** Bootstrap servers for clients. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Bootstrap servers of a cluster that has every topic of the catalog (created once, if missing). */
  public String bootstrapWithCatalog() {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrapServers)) {
      admin.createMissing(TopicCatalog.all());
    }
    return bootstrapServers;
  }

  /** Which kind of broker this is. */
  public Kind kind() {
    return kind;
  }

  /** A line naming the kind of broker and its address. */
  public String describe() {
    return switch (kind) {
      case CONTAINER -> "Testcontainers Kafka (" + System.getProperty("lofi.test.kafka.image", DEFAULT_IMAGE)
          + ") at " + bootstrapServers;
      case EMBEDDED -> "embedded KRaft broker at " + bootstrapServers + " (no Docker engine, or forced)";
    };
  }

  @Override
  public void close() {
    try {
      broker.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the test broker", e);
    }
  }

  private static Kind chooseKind() {
    String forced = System.getProperty("lofi.test.kafka", "auto").toLowerCase(Locale.ROOT);
    return switch (forced) {
      case "container" -> Kind.CONTAINER;
      case "embedded" -> Kind.EMBEDDED;
      case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? Kind.CONTAINER : Kind.EMBEDDED;
      default -> throw new IllegalArgumentException(
          "-Dlofi.test.kafka must be auto, container or embedded, got " + forced);
    };
  }

  private static KafkaTestCluster startContainer() {
    KafkaContainer container = new KafkaContainer(System.getProperty("lofi.test.kafka.image", DEFAULT_IMAGE))
        .withEnv("KAFKA_MESSAGE_MAX_BYTES", Integer.toString(BrokerSettings.DEFAULT_MESSAGE_MAX_BYTES))
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    container.start();
    return new KafkaTestCluster(Kind.CONTAINER, container.getBootstrapServers(), container::stop);
  }

  private static KafkaTestCluster startEmbedded() {
    // A fatal broker error would otherwise halt the test JVM and hide which test caused it.
    Exit.setHaltProcedure((status, message) -> {
      throw new IllegalStateException("broker halted (" + status + "): " + message);
    });
    Exit.setExitProcedure((status, message) -> {
      throw new IllegalStateException("broker exited (" + status + "): " + message);
    });
    EmbeddedBroker broker = EmbeddedBroker.startTemporary();
    return new KafkaTestCluster(Kind.EMBEDDED, broker.bootstrapServers(), broker);
  }
}
