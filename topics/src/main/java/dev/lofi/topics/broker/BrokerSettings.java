package dev.lofi.topics.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the in-process single-node KRaft broker.
 *
 * @param dataDir where the metadata and topic logs live; formatted on first start, reused after
 * @param listener where clients connect
 * @param messageMaxBytes broker-wide record size limit; topics of the catalog set their own
 * @param security how the client listener authenticates and encrypts
 */
public record BrokerSettings(Path dataDir, ClientListener listener, int messageMaxBytes, ListenerSecurity security) {

  /** Default record size limit: large enough for a paper-preset full-fidelity snippet. */
  public static final int DEFAULT_MESSAGE_MAX_BYTES = 16 * 1024 * 1024;

  public BrokerSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(security, "security");
    if (messageMaxBytes < 1024 * 1024) {
      throw new IllegalArgumentException("messageMaxBytes must be at least 1 MiB, got " + messageMaxBytes);
    }
  }

  /** A loopback broker on {@code port} (0: any free port) keeping its data in {@code dataDir}. */
  public static BrokerSettings loopback(Path dataDir, int port) {
    return new BrokerSettings(dataDir, ClientListener.loopback(port), DEFAULT_MESSAGE_MAX_BYTES,
        ListenerSecurity.PLAINTEXT);
  }

  /** The same broker with its client listener secured. */
  public BrokerSettings withSecurity(ListenerSecurity value) {
    return new BrokerSettings(dataDir, listener, messageMaxBytes, value);
  }
}
