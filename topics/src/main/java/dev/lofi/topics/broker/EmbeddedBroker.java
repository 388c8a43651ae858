package dev.lofi.topics.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka node (KRaft, combined broker and controller) running in this JVM: a cluster of its
 * own, or one node of a cluster whose other nodes run elsewhere.
 *
 * <p>Storage is formatted on the first start in a data directory; a later start on the same
 * directory keeps its topics and records. The broker cannot report the ports it bound, so a single
 * node on port 0 has free ports chosen first, and its start is retried with new ones if another
 * process wins the race; a cluster's node has fixed ports and waits for enough of its quorum.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  /** The client listener's name when it is secured; a plain one keeps Kafka's default name. */
  private static final String CLIENT_LISTENER = "CLIENT";
  /** A secured broker's own plain loopback listener, for its inter-broker traffic and readiness check. */
  private static final String INTERNAL_LISTENER = "INTERNAL";
  private static final int START_ATTEMPTS = 5;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration QUORUM_REMINDER = Duration.ofSeconds(15);

  private final BrokerSettings settings;
  private final KafkaRaftServer server;
  private final int port;
  private final int internalPort;
  private Path temporaryDataDir;
  private boolean closed;

  private EmbeddedBroker(BrokerSettings settings, KafkaRaftServer server, int port, int internalPort) {
    this.settings = settings;
    this.server = server;
    this.port = port;
    this.internalPort = internalPort;
  }

  /**
   * A loopback broker on a free port whose data lives in a new temporary directory, deleted when
   * the broker is closed: for {@code --bootstrap embedded} and for tests.
   */
  public static EmbeddedBroker startTemporary() {
    return startTemporary(ListenerSecurity.PLAINTEXT);
  }

  /** A temporary loopback broker, as {@link #startTemporary()}, whose client listener is secured. */
  public static EmbeddedBroker startTemporary(ListenerSecurity security) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("lofi-broker-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data dir for the embedded broker", e);
    }
    EmbeddedBroker broker = start(BrokerSettings.loopback(dataDir, 0).withSecurity(security));
    broker.temporaryDataDir = dataDir;
    return broker;
  }

  /** Formats the data directory if it is new, starts the broker and waits until it serves. */
  public static EmbeddedBroker start(BrokerSettings settings) {
    Path logDir = settings.dataDir().toAbsolutePath().resolve("kraft-log");
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create broker data dir " + logDir, e);
    }
    ClientListener listener = settings.listener();
    KraftQuorum quorum = settings.quorum();
    if (listener.port() != 0) {
      requireFree(listener.host(), listener.port(), "--port");
    }
    if (quorum.self().port() != 0) {
      requireFree(controllerHost(settings), quorum.self().port(), "controller port for node " + quorum.nodeId());
    }
    RuntimeException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = listener.port() != 0 ? listener.port() : freePort(listener.host());
      int controllerPort = quorum.self().port() != 0 ? quorum.self().port() : freePort(controllerHost(settings));
      int internalPort = listener.security().isPlain() ? port : freePort("127.0.0.1");
      KafkaConfig config = new KafkaConfig(brokerConfig(settings, logDir, port, internalPort, controllerPort), false);
      formatIfNew(logDir, quorum);
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        server.startup();
        EmbeddedBroker broker = new EmbeddedBroker(settings, server, port, internalPort);
        broker.awaitReady();
        LOG.info("Kafka node {} serving {} at {} (data in {})", quorum.nodeId(), listener.security().protocol(),
            broker.bootstrapServers(), settings.dataDir());
        return broker;
      } catch (RuntimeException e) {
        last = e;
        shutdownQuietly(server);
        if ((listener.port() != 0 || !quorum.isSingle()) && isBindFailure(e)) {
          throw new IllegalStateException(
              "cannot bind the broker to " + listener.host() + ":" + port + " or its controller to port "
                  + controllerPort + " (is another broker running there?)", e);
        }
        if (!quorum.isSingle()) {
          throw e;
        }
        LOG.warn("broker start attempt {} failed ({}), retrying on other ports", attempt, e.toString());
      }
    }
    throw new IllegalStateException("broker did not start after " + START_ATTEMPTS + " attempts", last);
  }

  /** The {@code host:port} a Kafka client connects to. */
  public String bootstrapServers() {
    return settings.listener().advertisedHost() + ":" + port;
  }

  /** The client port the broker listens on. */
  public int port() {
    return port;
  }

  /** Blocks until the broker has been shut down, by {@link #close()} or by a fatal error. */
  public void awaitShutdown() {
    server.awaitShutdown();
  }

  /** Stops the broker, flushing its logs so that a restart on the same data dir sees every record. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      shutdownQuietly(server);
      LOG.info("Kafka broker at {} stopped", bootstrapServers());
      if (temporaryDataDir != null) {
        deleteRecursively(temporaryDataDir);
      }
    }
  }

  private void awaitReady() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + internalPort);
    long start = System.nanoTime();
    long deadline = start + READY_TIMEOUT.toNanos();
    long reminder = start + QUORUM_REMINDER.toNanos();
    KraftQuorum quorum = settings.quorum();
    try (Admin admin = Admin.create(props)) {
      while (true) {
        try {
          // Ready means the broker has caught up with the controller and registered itself.
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          // A cluster's node cannot serve before a majority of its quorum runs, and the others may
          // be started minutes later: it waits, and says what for.
          if (quorum.isSingle() && System.nanoTime() > deadline) {
            throw new IllegalStateException("broker at " + bootstrapServers() + " did not become ready", e);
          }
          if (!quorum.isSingle() && System.nanoTime() > reminder) {
            LOG.info("node {} is waiting for a majority of its controller quorum ({}) to run",
                quorum.nodeId(), quorum.votersConfig(quorum.self().port()));
            reminder = System.nanoTime() + QUORUM_REMINDER.toNanos();
          }
        }
        sleep(100);
      }
    }
  }

  private static Map<String, String> brokerConfig(BrokerSettings s, Path logDir, int port, int internalPort,
      int controllerPort) {
    // Strings throughout: KafkaConfig parses them to each setting's own type (int, short, ...).
    Map<String, String> p = new HashMap<>();
    KraftQuorum quorum = s.quorum();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(quorum.nodeId()));
    p.put("controller.quorum.voters", quorum.votersConfig(controllerPort));
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    String controller = CONTROLLER_LISTENER + "://" + controllerHost(s) + ":" + controllerPort;
    ListenerSecurity security = s.listener().security();
    if (security.isPlain()) {
      p.put("listeners", "PLAINTEXT://" + s.listener().host() + ":" + port + "," + controller);
      p.put("advertised.listeners", "PLAINTEXT://" + s.listener().advertisedHost() + ":" + port);
      p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
      p.put("inter.broker.listener.name", "PLAINTEXT");
    } else {
      String internal = INTERNAL_LISTENER + "://127.0.0.1:" + internalPort;
      p.put("listeners", CLIENT_LISTENER + "://" + s.listener().host() + ":" + port + "," + internal + "," + controller);
      p.put("advertised.listeners", CLIENT_LISTENER + "://" + s.listener().advertisedHost() + ":" + port + "," + internal);
      p.put("listener.security.protocol.map", CLIENT_LISTENER + ":" + security.protocol() + ","
          + INTERNAL_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
      p.put("inter.broker.listener.name", INTERNAL_LISTENER);
      String prefix = "listener.name." + CLIENT_LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
      security.listenerConfig().forEach((key, value) -> p.put(prefix + key, value));
    }
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    // Internal topics get a replica per node up to 3, and on 3 nodes survive the loss of any one.
    String replicas = Integer.toString(quorum.internalReplicas());
    String minInSync = Integer.toString(Math.min(2, quorum.internalReplicas()));
    p.put("offsets.topic.replication.factor", replicas);
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", replicas);
    p.put("transaction.state.log.min.isr", minInSync);
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", replicas);
    p.put("share.coordinator.state.topic.min.isr", minInSync);
    p.put("default.replication.factor", replicas);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    // Topics come from the catalog (lofi topics create); a typo must not create a new one.
    p.put("auto.create.topics.enable", "false");
    p.put("message.max.bytes", Integer.toString(s.messageMaxBytes()));
    p.put("replica.fetch.max.bytes", Integer.toString(s.messageMaxBytes()));
    return p;
  }

  /** A single node's controller is reached over loopback only; a cluster's binds where its clients do. */
  private static String controllerHost(BrokerSettings s) {
    return s.quorum().isSingle() ? "127.0.0.1" : s.listener().host();
  }

  private static void formatIfNew(Path logDir, KraftQuorum quorum) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(quorum.nodeId())
          .setClusterId(quorum.clusterId())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .run();
      LOG.info("formatted new storage of node {} of cluster {} in {}", quorum.nodeId(), quorum.clusterId(), logDir);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format broker storage in " + logDir, e);
    }
  }

  /** Fails before the broker starts, without its pages of fatal-error logging, if the port is taken. */
  private static void requireFree(String host, int port, String option) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port
          + " (" + e.getMessage() + "): is another broker running there? Choose another " + option, e);
    }
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host, e);
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof java.net.BindException || m.contains("bind") || m.contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("error while stopping the broker", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete the broker's temporary data dir {}", dir, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }
}
