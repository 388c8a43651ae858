package dev.lofi.cli;

import dev.lofi.topics.broker.BrokerSettings;
import dev.lofi.topics.broker.ClientListener;
import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.broker.KraftQuorum;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi broker}: a real KRaft Kafka node in this process, alone or one of a cluster, until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    header = "Run a real Kafka node (KRaft broker and controller) in this process.",
    description = {
        "Runs a real Kafka node in KRaft mode, broker and controller in one process: a cluster of its own",
        "by default, or one node of an N-node cluster given --node-id and --controller-quorum (start every",
        "node with the same quorum; a node serves once a majority of them runs). 'lofi cluster' starts a",
        "local 3-node cluster in one command. Storage is formatted on first start; restarted on the same",
        "data dir a node keeps its topics and records. Stops cleanly on Ctrl-C or SIGTERM. Create lofi's",
        "topics with 'lofi topics create' (replication 3 and min.insync.replicas 2 on 3 or more nodes)."})
final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "lofi-data/broker",
      description = "Where the node keeps its logs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on, for clients and the controller (default: ${DEFAULT-VALUE}; 0.0.0.0 "
          + "for all interfaces).")
  String host;

  @Option(names = "--advertised-host",
      description = "Host name clients and the other nodes are told to connect to (default: the listen address, "
          + "or localhost for 0.0.0.0).")
  String advertisedHost;

  @Option(names = "--node-id", paramLabel = "ID", defaultValue = "1",
      description = "This node's id in --controller-quorum (default: ${DEFAULT-VALUE}).")
  int nodeId;

  @Option(names = "--controller-quorum", paramLabel = "ID@HOST:PORT,...",
      description = "Every node's controller address, as Kafka's controller.quorum.voters, e.g. "
          + "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093; this node's controller listens on its own entry's port "
          + "(default: this node alone, its controller on a free loopback port).")
  String controllerQuorum;

  @Option(names = "--cluster-id", paramLabel = "ID",
      description = "The cluster id formatted into new storage (default: derived from --controller-quorum, so every "
          + "node given the same quorum agrees; a new random one for a node alone).")
  String clusterId;

  @Option(names = "--message-max-bytes", defaultValue = "" + BrokerSettings.DEFAULT_MESSAGE_MAX_BYTES,
      description = "Broker-wide record size limit in bytes (default: ${DEFAULT-VALUE}).")
  int messageMaxBytes;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String advertised = advertisedHost != null ? advertisedHost : "0.0.0.0".equals(host) ? "localhost" : host;
    BrokerSettings settings = BadUsage.interpreting(() -> new BrokerSettings(dataDir,
        ClientListener.plain(host, port, advertised), quorum(), messageMaxBytes));
    EmbeddedBroker broker = EmbeddedBroker.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "lofi-broker-stop"));
    spec.commandLine().getOut().printf("lofi broker: node %d serving at %s (data: %s). Ctrl-C to stop.%n",
        settings.quorum().nodeId(), broker.bootstrapServers(), dataDir.toAbsolutePath());
    spec.commandLine().getOut().flush();
    broker.awaitShutdown();
    return 0;
  }

  private KraftQuorum quorum() {
    if (controllerQuorum == null) {
      if (nodeId != 1 || clusterId != null) {
        throw new IllegalArgumentException("--node-id and --cluster-id need --controller-quorum");
      }
      return KraftQuorum.single();
    }
    return KraftQuorum.parse(nodeId, controllerQuorum, clusterId);
  }
}
