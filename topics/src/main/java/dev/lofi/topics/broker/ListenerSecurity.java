package dev.lofi.topics.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How the broker's client listener authenticates and encrypts: plain, SASL/PLAIN with a user
 * list, or TLS with a key store, as a managed cluster would; what clients then need is a
 * {@code --kafka-config} file with the matching {@code security.protocol}.
 *
 * @param protocol Kafka's security protocol name for the listener
 * @param listenerConfig broker settings of the listener, without the {@code listener.name.*.} prefix
 */
public record ListenerSecurity(String protocol, Map<String, String> listenerConfig) {

  /** No authentication, no encryption: loopback development and tests. */
  public static final ListenerSecurity PLAINTEXT = new ListenerSecurity("PLAINTEXT", Map.of());

  public ListenerSecurity {
    Objects.requireNonNull(protocol, "protocol");
    listenerConfig = Map.copyOf(listenerConfig);
  }

  /** SASL/PLAIN without TLS: clients log in as one of {@code users} (name to password). */
  public static ListenerSecurity saslPlain(Map<String, String> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a SASL listener needs at least one user");
    }
    StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
    new TreeMap<>(users).forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
        .append(password).append('"'));
    jaas.append(';');
    return new ListenerSecurity("SASL_PLAINTEXT",
        Map.of("sasl.enabled.mechanisms", "PLAIN", "plain.sasl.jaas.config", jaas.toString()));
  }

  /** TLS: the broker shows the certificate of a PKCS#12 {@code keyStore}; clients need not show one. */
  public static ListenerSecurity tls(Path keyStore, String password) {
    return new ListenerSecurity("SSL", Map.of("ssl.keystore.location", keyStore.toAbsolutePath().toString(),
        "ssl.keystore.type", "PKCS12", "ssl.keystore.password", password, "ssl.key.password", password));
  }

  /** Whether clients connect without security, so that the broker's own clients can use the client listener. */
  public boolean isPlain() {
    return "PLAINTEXT".equals(protocol);
  }

  @Override
  public String toString() {
    // Never the passwords of the listener's config.
    return "ListenerSecurity[" + protocol + "]";
  }
}
