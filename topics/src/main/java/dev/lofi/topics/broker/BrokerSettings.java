package dev.lofi.topics.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the in-process single-node KRaft broker.
 *
 * @param dataDir where the metadata and topic logs live; formatted on first start, reused after
 * @param port client listener port; 0 picks a free one
 * @param listenHost address the client listener binds to
 * @param advertisedHost host name clients are told to connect to
 * @param messageMaxBytes broker-wide record size limit; topics of the catalog set their own
 */
public record BrokerSettings(
    Path dataDir, int port, String listenHost, String advertisedHost, int messageMaxBytes) {

  /** Default record size limit: large enough for a paper-preset full-fidelity snippet. */
  public static final int DEFAULT_MESSAGE_MAX_BYTES = 16 * 1024 * 1024;

  public BrokerSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (listenHost == null || listenHost.isBlank()) {
      throw new IllegalArgumentException("listenHost must not be blank");
    }
    if (advertisedHost == null || advertisedHost.isBlank()) {
      throw new IllegalArgumentException("advertisedHost must not be blank");
    }
    if (messageMaxBytes < 1024 * 1024) {
      throw new IllegalArgumentException("messageMaxBytes must be at least 1 MiB, got " + messageMaxBytes);
    }
  }

  /** A loopback broker on {@code port} (0: any free port) keeping its data in {@code dataDir}. */
  public static BrokerSettings loopback(Path dataDir, int port) {
    return new BrokerSettings(dataDir, port, "127.0.0.1", "127.0.0.1", DEFAULT_MESSAGE_MAX_BYTES);
  }
}
