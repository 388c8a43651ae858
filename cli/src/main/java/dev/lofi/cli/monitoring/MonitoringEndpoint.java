package dev.lofi.cli.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A service's {@code /health} (JSON; 200 while it works, 503 once it does not) and {@code
 * /metrics} (Prometheus text format, from Micrometer's registry) on a port of its own, for
 * orchestrators' health checks and Prometheus' scrapes. The JDK's HTTP server, on one thread: a
 * scrape every few seconds needs no more.
 */
public final class MonitoringEndpoint implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;

  private MonitoringEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Serves {@code registry} and {@code health} on {@code port} (0: any free port) of every interface. */
  public static MonitoringEndpoint start(int port, PrometheusMeterRegistry registry, Supplier<Health> health) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve /health and /metrics on port " + port + ": " + e.getMessage(), e);
    }
    server.createContext("/metrics", exchange -> respond(exchange, 200,
        "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext("/health", exchange -> {
      Health now = health.get();
      respond(exchange, now.up() ? 200 : 503, "application/json", JSON.writeValueAsString(now.asJson()));
    });
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "lofi-monitoring");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.start();
    return new MonitoringEndpoint(server, executor);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
