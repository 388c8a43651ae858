package dev.lofi.cli.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service says of itself on {@code /health}.
 *
 * @param up whether it works: Kafka Streams running or rebalancing, a training run going on
 * @param state one word for the state, e.g. {@code RUNNING}, {@code WAITING_FOR_CHECKPOINT}
 * @param details what else an operator wants at a glance (model version, step)
 */
public record Health(boolean up, String state, Map<String, Object> details) {

  public Health {
    details = Map.copyOf(details);
  }

  Map<String, Object> asJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", up ? "UP" : "DOWN");
    json.put("state", state);
    json.putAll(details);
    return json;
  }
}
