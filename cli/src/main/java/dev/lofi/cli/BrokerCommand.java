package dev.lofi.cli;

import dev.lofi.topics.broker.BrokerSettings;
import dev.lofi.topics.broker.ClientListener;
import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.broker.ListenerSecurity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lofi broker}: a real single-node KRaft Kafka broker in this process, until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    header = "Run a real single-node Kafka broker in this process.",
    description = {
        "Runs a real single-node Kafka broker (KRaft: broker and controller in one process).",
        "Storage is formatted on first start; restarted on the same data dir it keeps its topics",
        "and records. Stops cleanly on Ctrl-C or SIGTERM. Create lofi's topics with 'lofi topics create'."})
final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "lofi-data/broker",
      description = "Where the broker keeps its logs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
  String host;

  @Option(names = "--advertised-host",
      description = "Host name clients are told to connect to (default: the listen address, or localhost for 0.0.0.0).")
  String advertisedHost;

  @Option(names = "--message-max-bytes", defaultValue = "" + BrokerSettings.DEFAULT_MESSAGE_MAX_BYTES,
      description = "Broker-wide record size limit in bytes (default: ${DEFAULT-VALUE}).")
  int messageMaxBytes;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String advertised = advertisedHost != null ? advertisedHost : "0.0.0.0".equals(host) ? "localhost" : host;
    BrokerSettings settings = BadUsage.interpreting(() -> new BrokerSettings(dataDir,
        new ClientListener(host, port, advertised), messageMaxBytes, ListenerSecurity.PLAINTEXT));
    EmbeddedBroker broker = EmbeddedBroker.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "lofi-broker-stop"));
    spec.commandLine().getOut().printf("lofi broker: serving at %s (data: %s). Ctrl-C to stop.%n",
        broker.bootstrapServers(), dataDir.toAbsolutePath());
    spec.commandLine().getOut().flush();
    broker.awaitShutdown();
    return 0;
  }
}
