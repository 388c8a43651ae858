package dev.lofi.cli.cluster;

import dev.lofi.topics.client.ClientProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;

/**
 * A KRaft cluster of N nodes on this machine, each a {@code lofi broker} in a process of its own,
 * so that one can be killed ({@code kill -9}) and restarted while the others serve: for
 * development and for failover tests. Node {@code i} (1-based) listens on loopback, its data in
 * {@code dataDir/node-i} and its log in {@code dataDir/node-i/broker.log}.
 */
public final class LocalCluster implements AutoCloseable {

  /**
   * A broker node needs little heap, and a development cluster no peak-tuned code: the client
   * compiler alone starts it in less CPU time, which the services on the same cores need.
   */
  private static final List<String> NODE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path dataDir;
  private final List<Node> nodes;

  private LocalCluster(Path dataDir, List<Node> nodes) {
    this.dataDir = dataDir;
    this.nodes = nodes;
  }

  /** One node: its id, client port and controller port, and its process while it runs. */
  private static final class Node {
    final int id;
    final int port;
    final int controllerPort;
    Process process;

    Node(int id, int port, int controllerPort) {
      this.id = id;
      this.port = port;
      this.controllerPort = controllerPort;
    }
  }

  /**
   * Starts {@code size} nodes; node i's client port is {@code firstPort + i - 1} and its controller's
   * {@code firstControllerPort + i - 1}, or free ports where {@code firstPort} is 0. Returns once the
   * processes are started; {@link #awaitReady} waits for the cluster to serve.
   */
  public static LocalCluster start(Path dataDir, int size, int firstPort, int firstControllerPort) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node, got " + size);
    }
    List<Node> nodes = new ArrayList<>();
    for (int id = 1; id <= size; id++) {
      nodes.add(firstPort == 0 ? new Node(id, freePort(), freePort())
          : new Node(id, firstPort + id - 1, firstControllerPort + id - 1));
    }
    LocalCluster cluster = new LocalCluster(dataDir, nodes);
    try {
      nodes.forEach(cluster::launch);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Every node's client address, as a Kafka client's {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(","));
  }

  /** How many nodes the cluster has, running or not. */
  public int size() {
    return nodes.size();
  }

  /** Where node {@code id} writes its log. */
  public Path log(int id) {
    return nodeDir(node(id)).resolve("broker.log");
  }

  /** Whether node {@code id}'s process runs. */
  public boolean isRunning(int id) {
    Process p = node(id).process;
    return p != null && p.isAlive();
  }

  /** The process of node {@code id}, to watch for its end. */
  public Process process(int id) {
    return node(id).process;
  }

  /** Blocks until every running node has registered with the cluster's controller. */
  public void awaitReady(Duration timeout) {
    long running = nodes.stream().filter(n -> isRunning(n.id)).count();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(ClientProperties.admin(bootstrapServers()))) {
      while (true) {
        for (Node n : nodes) {
          if (n.process != null && !n.process.isAlive()) {
            throw new IllegalStateException("node " + n.id + " exited with " + n.process.exitValue()
                + " before the cluster was ready; its log: " + log(n.id));
          }
        }
        try {
          if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= running) {
            return;
          }
        } catch (Exception e) {
          // Not serving yet: the quorum is still electing its first leader.
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the cluster at " + bootstrapServers() + " did not have its " + running
              + " nodes ready within " + timeout.toSeconds() + " s; their logs are in " + dataDir);
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the cluster", e);
    }
  }

  /** Kills node {@code id} as {@code kill -9} does: no shutdown, no flush. */
  public void kill(int id) {
    Node n = node(id);
    if (n.process != null) {
      n.process.destroyForcibly();
      waitFor(n.process);
    }
  }

  /** Starts node {@code id} again on its data dir, where it catches up with the others. */
  public void restart(int id) {
    Node n = node(id);
    if (isRunning(id)) {
      throw new IllegalStateException("node " + id + " is running");
    }
    launch(n);
  }

  /** Stops every node as Ctrl-C does, killing any that does not stop in time. */
  @Override
  public void close() {
    nodes.stream().filter(n -> n.process != null).forEach(n -> n.process.destroy());
    for (Node n : nodes) {
      if (n.process != null) {
        try {
          if (!n.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            n.process.destroyForcibly();
            waitFor(n.process);
          }
        } catch (InterruptedException e) {
          n.process.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private void launch(Node n) {
    Path dir = nodeDir(n);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(NODE_JVM_OPTIONS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.lofi.cli.Lofi", "broker",
        "--node-id", Integer.toString(n.id), "--port", Integer.toString(n.port), "--data-dir", dir.toString(),
        "--controller-quorum", quorum()));
    try {
      Files.createDirectories(dir);
      n.process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + n.id + " of the local cluster", e);
    }
  }

  private String quorum() {
    return nodes.stream().map(n -> n.id + "@127.0.0.1:" + n.controllerPort).collect(Collectors.joining(","));
  }

  private Path nodeDir(Node n) {
    return dataDir.resolve("node-" + n.id);
  }

  private Node node(int id) {
    if (id < 1 || id > nodes.size()) {
      throw new IllegalArgumentException("the cluster's nodes are " + IntStream.rangeClosed(1, nodes.size())
          .mapToObj(Integer::toString).collect(Collectors.joining(", ")) + ", not " + id);
    }
    return nodes.get(id - 1);
  }

  private static void waitFor(Process process) {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }
}
