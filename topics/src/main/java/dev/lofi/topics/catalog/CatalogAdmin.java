package dev.lofi.topics.catalog;

import dev.lofi.topics.client.ClientProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalog's topics on a cluster, idempotently, and reports what a cluster holds.
 *
 * <p>Creating twice is safe: an existing topic keeps its data, and configs that drifted from the
 * catalog (retention, cleanup policy, size limit) are set back. Partitions are never added
 * behind the user's back, since that would move keys of compacted topics to other partitions.
 */
public final class CatalogAdmin implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 30;
  /** A wrong address should fail fast, not after the client's default minute. */
  private static final long CONNECT_TIMEOUT_SECONDS = 10;

  private final Admin admin;
  private final short replicationFactor;

  /** What {@link #create} did to one topic. */
  public enum Outcome { CREATED, EXISTED, UPDATED }

  /** The result of creating one topic; {@code note} explains a drift it could not fix. */
  public record Creation(Topic topic, Outcome outcome, Optional<String> note) {}

  /**
   * One topic as the cluster has it.
   *
   * @param records records currently held (end minus start offsets over all partitions)
   */
  public record TopicState(String name, int partitions, Map<String, String> configs, long records,
      Optional<Topic> catalogEntry) {}

  private CatalogAdmin(Admin admin, short replicationFactor) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
  }

  /**
   * Connects to a cluster. The replication factor of new topics is min(3, brokers), so a single
   * broker and a production cluster both get a sensible value; with 3 replicas a topic also gets
   * {@code min.insync.replicas} 2, so that an {@code acks=all} write survives the loss of any one
   * broker and is refused, not silently weakened, when two are gone.
   */
  public static CatalogAdmin connect(String bootstrap) {
    Admin admin = Admin.create(ClientProperties.admin(bootstrap));
    try {
      int brokers = await(admin.describeCluster().nodes(), CONNECT_TIMEOUT_SECONDS).size();
      return new CatalogAdmin(admin, (short) Math.max(1, Math.min(3, brokers)));
    } catch (RuntimeException e) {
      admin.close(Duration.ZERO);
      throw new IllegalStateException("cannot reach Kafka at " + bootstrap + ": " + rootMessage(e), e);
    }
  }

  /** Creates the missing topics and aligns the configs of existing ones with the catalog. */
  public List<Creation> create(Collection<Topic> topics) {
    Map<String, Topic> byName = new LinkedHashMap<>();
    topics.forEach(t -> byName.putIfAbsent(t.name(), t));
    List<NewTopic> requests = byName.values().stream()
        .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(wantedConfigs(t)))
        .toList();
    CreateTopicsResult result = admin.createTopics(requests);
    List<Creation> creations = new ArrayList<>();
    for (Topic topic : byName.values()) {
      try {
        await(result.values().get(topic.name()));
        creations.add(new Creation(topic, Outcome.CREATED, Optional.empty()));
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        creations.add(alignExisting(topic));
      }
    }
    awaitLeaders(creations.stream().filter(c -> c.outcome() == Outcome.CREATED).map(c -> c.topic().name()).toList());
    return creations;
  }

  /**
   * Waits until every partition of new topics has a leader: the controller answers before the
   * brokers know, and a producer that writes at once meets "not leader" errors and retries.
   */
  private void awaitLeaders(List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      try {
        Map<String, TopicDescription> described = await(admin.describeTopics(names).allTopicNames());
        if (described.values().stream().allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null))) {
          return;
        }
      } catch (IllegalStateException e) {
        // Not known to the broker we asked yet: ask again.
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics " + names + " have no leader after " + TIMEOUT_SECONDS + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for new topics", e);
      }
    }
  }

  /**
   * Creates the topics the cluster does not have yet and leaves existing ones alone: what a
   * service needs before it writes, without the rights to alter configs that {@link #create} uses.
   */
  public List<Topic> createMissing(Collection<Topic> topics) {
    Set<String> existing = await(admin.listTopics().names());
    List<Topic> missing = topics.stream().filter(t -> !existing.contains(t.name())).distinct().toList();
    if (!missing.isEmpty()) {
      create(missing);
    }
    return missing;
  }

  /** Every topic on the cluster that is in the catalog or starts with {@code lofi.}, sorted by name. */
  public List<TopicState> list() {
    Set<String> names = await(admin.listTopics().names()).stream()
        .filter(n -> n.startsWith("lofi.") || TopicCatalog.byName(n).isPresent())
        .collect(Collectors.toSet());
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames());
    Map<String, Map<String, String>> configs = configsOf(names);
    Map<String, Long> records = recordCounts(descriptions.values());
    return names.stream().sorted()
        .map(n -> new TopicState(n, descriptions.get(n).partitions().size(), configs.get(n),
            records.getOrDefault(n, 0L), TopicCatalog.byName(n)))
        .toList();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  /** The catalog's configs of {@code topic}, and the in-sync minimum its replication needs. */
  private Map<String, String> wantedConfigs(Topic topic) {
    Map<String, String> configs = new LinkedHashMap<>(topic.configs());
    if (replicationFactor >= 3) {
      configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
    }
    return configs;
  }

  private Creation alignExisting(Topic topic) {
    Map<String, String> actual = configsOf(Set.of(topic.name())).get(topic.name());
    List<AlterConfigOp> ops = wantedConfigs(topic).entrySet().stream()
        .filter(e -> !e.getValue().equals(actual.get(e.getKey())))
        .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
        .toList();
    int partitions = await(admin.describeTopics(Set.of(topic.name())).allTopicNames())
        .get(topic.name()).partitions().size();
    Optional<String> note = partitions < topic.partitions()
        ? Optional.of("has " + partitions + " partitions, the catalog says " + topic.partitions()
            + "; add them by hand if you need the parallelism (keys will move)")
        : Optional.empty();
    if (ops.isEmpty()) {
      return new Creation(topic, Outcome.EXISTED, note);
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
    await(admin.incrementalAlterConfigs(Map.of(resource, ops)).all());
    return new Creation(topic, Outcome.UPDATED, note);
  }

  private Map<String, Map<String, String>> configsOf(Set<String> names) {
    List<ConfigResource> resources = names.stream()
        .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    Map<ConfigResource, Config> described = await(admin.describeConfigs(resources).all());
    Map<String, Map<String, String>> configs = new HashMap<>();
    described.forEach((resource, config) -> {
      Map<String, String> values = new HashMap<>();
      config.entries().forEach(e -> values.put(e.name(), e.value()));
      configs.put(resource.name(), values);
    });
    return configs;
  }

  private Map<String, Long> recordCounts(Collection<TopicDescription> topics) {
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription topic : topics) {
      topic.partitions().forEach(p -> {
        TopicPartition tp = new TopicPartition(topic.name(), p.partition());
        earliest.put(tp, OffsetSpec.earliest());
        latest.put(tp, OffsetSpec.latest());
      });
    }
    Map<TopicPartition, ListOffsetsResultInfo> starts = await(admin.listOffsets(earliest).all());
    Map<TopicPartition, ListOffsetsResultInfo> ends = await(admin.listOffsets(latest).all());
    Map<String, Long> counts = new HashMap<>();
    ends.forEach((tp, end) -> counts.merge(tp.topic(), end.offset() - starts.get(tp).offset(), Long::sum));
    return counts;
  }

  private static <T> T await(KafkaFuture<T> future) {
    return await(future, TIMEOUT_SECONDS);
  }

  private static <T> T await(KafkaFuture<T> future, long timeoutSeconds) {
    try {
      return future.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(rootMessage(e), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within " + timeoutSeconds + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
