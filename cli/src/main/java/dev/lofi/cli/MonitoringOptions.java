package dev.lofi.cli;

import dev.lofi.cli.monitoring.Health;
import dev.lofi.cli.monitoring.MonitoringEndpoint;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The option of the long-running commands that serve {@code /health} and {@code /metrics}. */
final class MonitoringOptions {

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serve /health (JSON; 503 once the service is down) and /metrics (Prometheus text) on PORT of "
          + "every interface (default: off; 0 picks a free port and prints it).")
  Integer port;

  /** The registry this command's meters go to, with the JVM's own memory, thread and CPU meters. */
  PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  /** Starts the endpoint if {@code --metrics-port} was given, saying where. */
  Optional<MonitoringEndpoint> start(PrometheusMeterRegistry registry, Supplier<Health> health, PrintWriter err) {
    if (port == null) {
      return Optional.empty();
    }
    if (port < 0 || port > 65535) {
      throw new BadUsage("--metrics-port must be 0..65535, got " + port);
    }
    MonitoringEndpoint endpoint = MonitoringEndpoint.start(port, registry, health);
    err.println("lofi: /health and /metrics on port " + endpoint.port());
    err.flush();
    return Optional.of(endpoint);
  }
}
