package dev.lofi.cli;

import dev.lofi.cli.cluster.LocalCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi cluster}: a local KRaft cluster of several broker processes, for development. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    header = "Run a local Kafka cluster of several nodes (one 'lofi broker' process each).",
    description = {
        "Starts N real Kafka nodes on this machine, each a 'lofi broker' process of its own (KRaft broker and",
        "controller), on loopback ports PORT, PORT+1, ... with controllers on CONTROLLER-PORT, CONTROLLER-PORT+1, ...",
        "Each node keeps its data and its log (broker.log) in DATA-DIR/node-I and keeps it across restarts. A node",
        "that dies is reported and the others go on serving: on 3 nodes, lofi's topics (replication 3,",
        "min.insync.replicas 2) survive the loss of any one. Ctrl-C stops them all."})
final class ClusterCommand implements Callable<Integer> {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "3", description = "Nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--port", defaultValue = "9092", description = "First node's client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--controller-port", defaultValue = "19092",
      description = "First node's controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "lofi-data/cluster",
      description = "Where the nodes keep their data and logs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (nodes < 1 || port < 1 || port + nodes > 65536 || controllerPort < 1 || controllerPort + nodes > 65536) {
      throw new BadUsage("--nodes, --port and --controller-port must give every node a port in 1..65535");
    }
    PrintWriter out = spec.commandLine().getOut();
    LocalCluster cluster = LocalCluster.start(dataDir, nodes, port, controllerPort);
    CountDownLatch stopped = new CountDownLatch(nodes);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "lofi-cluster-stop"));
    for (int id = 1; id <= nodes; id++) {
      int node = id;
      cluster.process(id).onExit().thenAccept(p -> {
        out.printf("lofi cluster: node %d stopped (exit %d); its log: %s%n", node, p.exitValue(), cluster.log(node));
        out.flush();
        stopped.countDown();
      });
    }
    cluster.awaitReady(READY_TIMEOUT);
    out.printf("lofi cluster: %d nodes serving at %s (data and logs: %s). Ctrl-C to stop.%n", nodes,
        cluster.bootstrapServers(), dataDir.toAbsolutePath());
    out.printf("  e.g. lofi topics create --bootstrap %s%n", cluster.bootstrapServers());
    out.flush();
    stopped.await();
    return 0;
  }
}
