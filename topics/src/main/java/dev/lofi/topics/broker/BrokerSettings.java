package dev.lofi.topics.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of an in-process KRaft node (broker and controller in one): alone, or one node of a
 * cluster.
 *
 * @param dataDir where the metadata and topic logs live; formatted on first start, reused after
 * @param listener where clients connect, and how they authenticate
 * @param quorum this node's id and the controller quorum it belongs to
 * @param messageMaxBytes broker-wide record size limit; topics of the catalog set their own
 */
public record BrokerSettings(Path dataDir, ClientListener listener, KraftQuorum quorum, int messageMaxBytes) {

  /** Default record size limit: large enough for a paper-preset full-fidelity snippet. */
  public static final int DEFAULT_MESSAGE_MAX_BYTES = 16 * 1024 * 1024;

  public BrokerSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(quorum, "quorum");
    if (messageMaxBytes < 1024 * 1024) {
      throw new IllegalArgumentException("messageMaxBytes must be at least 1 MiB, got " + messageMaxBytes);
    }
    if (!quorum.isSingle() && listener.port() == 0) {
      throw new IllegalArgumentException("a node of a cluster needs a fixed client port");
    }
    if (!quorum.isSingle() && !listener.security().isPlain()) {
      // Its inter-broker traffic would go over a loopback listener that other machines cannot reach.
      throw new IllegalArgumentException("a secured client listener is supported on a single node only");
    }
  }

  /** A single loopback node on {@code port} (0: any free port) keeping its data in {@code dataDir}. */
  public static BrokerSettings loopback(Path dataDir, int port) {
    return new BrokerSettings(dataDir, ClientListener.loopback(port), KraftQuorum.single(), DEFAULT_MESSAGE_MAX_BYTES);
  }

  /** The same node with its client listener secured. */
  public BrokerSettings withSecurity(ListenerSecurity value) {
    return new BrokerSettings(dataDir, listener.withSecurity(value), quorum, messageMaxBytes);
  }
}
