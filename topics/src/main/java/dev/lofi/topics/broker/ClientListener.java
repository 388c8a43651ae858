package dev.lofi.topics.broker;

import java.util.Objects;

/**
 * Where a broker takes client connections, the address it tells clients to use, and how they
 * authenticate.
 *
 * @param host address the listener binds to
 * @param port its port; 0 picks a free one
 * @param advertisedHost host name clients are told to connect to
 * @param security plain, SASL or TLS
 */
public record ClientListener(String host, int port, String advertisedHost, ListenerSecurity security) {

  public ClientListener {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the listener's host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (advertisedHost == null || advertisedHost.isBlank()) {
      throw new IllegalArgumentException("the advertised host must not be blank");
    }
    Objects.requireNonNull(security, "security");
  }

  /** A plain listener on {@code host:port}, advertised as {@code advertisedHost}. */
  public static ClientListener plain(String host, int port, String advertisedHost) {
    return new ClientListener(host, port, advertisedHost, ListenerSecurity.PLAINTEXT);
  }

  /** A plain listener on loopback only, on {@code port} (0: any free port). */
  public static ClientListener loopback(int port) {
    return plain("127.0.0.1", port, "127.0.0.1");
  }

  /** The same listener, secured. */
  public ClientListener withSecurity(ListenerSecurity value) {
    return new ClientListener(host, port, advertisedHost, value);
  }
}
