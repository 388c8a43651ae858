package dev.lofi.cli;

import dev.lofi.topics.broker.EmbeddedBroker;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The Kafka connection option every Kafka-facing command shares. */
public final class KafkaOptions {

  /** The value of {@code --bootstrap} that starts a broker inside the command. */
  public static final String EMBEDDED = "embedded";

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}); 'embedded' starts a "
          + "broker inside this command for its lifetime.")
  String bootstrap = "localhost:9092";

  /** Connects: to the given cluster, or to a fresh embedded broker that lives as long as the connection. */
  /**
   * Points the command at a broker of its own unless {@code --bootstrap} was given: the other
   * commands default to a broker on localhost, and a benchmark brings its own.
   */
  void embeddedUnlessGiven(CommandSpec command) {
    if (!command.commandLine().getParseResult().hasMatchedOption("--bootstrap")) {
      bootstrap = EMBEDDED;
    }
  }

  public KafkaConnection connect(PrintWriter err) {
    if (!EMBEDDED.equals(bootstrap)) {
      return new KafkaConnection(bootstrap, () -> {});
    }
    EmbeddedBroker broker = EmbeddedBroker.startTemporary();
    err.println("lofi: embedded Kafka broker at " + broker.bootstrapServers() + " (stops when this command ends)");
    err.flush();
    return new KafkaConnection(broker.bootstrapServers(), broker::close);
  }

  /** An open connection's bootstrap address; closing it stops an embedded broker. */
  public record KafkaConnection(String bootstrap, Runnable onClose) implements AutoCloseable {
    @Override
    public void close() {
      onClose.run();
    }
  }
}
