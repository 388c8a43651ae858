package dev.lofi.cli;

import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.client.ClientConfigFile;
import dev.lofi.topics.client.ClientProperties;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The Kafka connection options every Kafka-facing command shares. */
public final class KafkaOptions {

  /** The value of {@code --bootstrap} that starts a broker inside the command. */
  public static final String EMBEDDED = "embedded";

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}); 'embedded' starts a "
          + "broker inside this command for its lifetime.")
  String bootstrap = "localhost:9092";

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "Kafka client properties for every producer, consumer, admin and Streams client of this "
          + "command, as Kafka's tools take --command-config: security.protocol, sasl.*, ssl.*, timeouts.")
  Path clientConfig;

  /**
   * Points the command at a broker of its own unless {@code --bootstrap} was given: the other
   * commands default to a broker on localhost, and a benchmark brings its own.
   */
  void embeddedUnlessGiven(CommandSpec command) {
    if (!command.commandLine().getParseResult().hasMatchedOption("--bootstrap")) {
      bootstrap = EMBEDDED;
    }
  }

  /**
   * Connects: to the given cluster with the client config of {@code --kafka-config}, or to a fresh
   * embedded broker that lives as long as the connection.
   */
  public KafkaConnection connect(PrintWriter err) {
    if (!EMBEDDED.equals(bootstrap)) {
      Map<String, String> settings = clientConfig == null ? Map.of()
          : BadUsage.interpreting(() -> ClientConfigFile.read(clientConfig));
      ClientProperties.useClientConfig(settings);
      return new KafkaConnection(bootstrap, () -> ClientProperties.useClientConfig(Map.of()));
    }
    if (clientConfig != null) {
      throw new BadUsage("--kafka-config is for a cluster given with --bootstrap HOST:PORT; "
          + "the embedded broker takes plain connections");
    }
    EmbeddedBroker broker = EmbeddedBroker.startTemporary();
    err.println("lofi: embedded Kafka broker at " + broker.bootstrapServers() + " (stops when this command ends)");
    err.flush();
    return new KafkaConnection(broker.bootstrapServers(), broker::close);
  }

  /** An open connection's bootstrap address; closing it stops an embedded broker, or forgets the client config. */
  public record KafkaConnection(String bootstrap, Runnable onClose) implements AutoCloseable {
    @Override
    public void close() {
      onClose.run();
    }
  }
}
