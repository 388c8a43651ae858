package dev.lofi.topics.broker;

/**
 * Where a broker takes client connections, and the address it tells clients to use.
 *
 * @param host address the listener binds to
 * @param port its port; 0 picks a free one
 * @param advertisedHost host name clients are told to connect to
 */
public record ClientListener(String host, int port, String advertisedHost) {

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
  }

  /** Loopback only, on {@code port} (0: any free port). */
  public static ClientListener loopback(int port) {
    return new ClientListener("127.0.0.1", port, "127.0.0.1");
  }
}
