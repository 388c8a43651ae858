package dev.lofi.localizer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.Segment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share six streams, one per partition; one of them, a JVM of its own, is killed
 * mid-stream (no shutdown: {@link Process#destroyForcibly()}), and the other finishes every
 * stream. Under exactly-once, what {@code lofi.segments} holds for committed readers must be what
 * an unbroken run gives: nothing lost, nothing twice.
 */
class LocalizerFailoverTest {

  private static final String MODEL = "failover";
  private static final String APPLICATION = "failover-test";
  private static final int SNIPPETS = 28;
  private static final int BEFORE_KILL = 14;
  private static final int AT_KILL = 18;

  @TempDir Path dir;

  private final ServiceEvents survivorEvents = new ServiceEvents();
  private KafkaTestCluster cluster;
  private String bootstrap;
  private LocalizerSettings settings;
  private Process child;
  private LiveLocalizer survivor;

  @BeforeEach
  void start() {
    cluster = KafkaTestCluster.start();
    bootstrap = cluster.bootstrapWithCatalog();
    settings = TestSettings.of(MODEL, APPLICATION, dir.resolve("survivor"));
  }

  @AfterEach
  void stop() {
    if (child != null) {
      child.destroyForcibly();
    }
    if (survivor != null) {
      survivor.close();
    }
    cluster.close();
  }

  @Test
  void killingAnInstanceMovesItsStreamsToTheOtherWithEverySegmentExactlyOnce() throws Exception {
    Checkpoint checkpoint = TestCheckpoints.tiny(MODEL, "head", 1);
    new CheckpointStore(bootstrap).publish(checkpoint.manifest(), checkpoint.parameters());
    Map<String, List<ClipSnippet>> streams = new LinkedHashMap<>();
    streamIdsOnEveryPartition().forEach((partition, id) -> streams.put(id, TestCheckpoints.stream(id, SNIPPETS, partition)));

    ChildInstance victim = new ChildInstance(startChild());
    ServiceEvents.awaitTrue(() -> victim.assigned().size() == TopicCatalog.LIVE_CLIPS.partitions(),
        "the first instance runs every partition");
    survivor = new LiveLocalizer(bootstrap, settings, LocalizerInstance.failoverConfig(bootstrap, settings),
        survivorEvents);
    survivor.start();
    ServiceEvents.awaitTrue(() -> sharedBetween(victim), "the two instances share the partitions");

    publish(streams, 0, BEFORE_KILL);
    ServiceEvents.awaitTrue(() -> streams.keySet().stream().allMatch(id -> survivorEvents.reached(id, BEFORE_KILL - 1)
        || victim.reached(id, BEFORE_KILL - 1)), "every stream processed up to snippet " + (BEFORE_KILL - 1));
    Set<String> victimStreams = new TreeSet<>(streams.keySet());
    victimStreams.removeIf(id -> !victim.reached(id, 0));
    publish(streams, BEFORE_KILL, AT_KILL);
    ServiceEvents.awaitTrue(() -> victimStreams.stream().anyMatch(id -> victim.reached(id, BEFORE_KILL)),
        "the instance to kill at work on the snippets after " + (BEFORE_KILL - 1));
    child.destroyForcibly().waitFor();
    publish(streams, AT_KILL, SNIPPETS + 1);

    for (String id : streams.keySet()) {
      ServiceEvents.awaitTrue(() -> survivorEvents.ended(id), id + " finished by the surviving instance");
    }
    survivor.close();
    survivor = null;

    assertThat(victimStreams).as("streams the killed instance had").isNotEmpty();
    for (Map.Entry<String, List<ClipSnippet>> stream : streams.entrySet()) {
      List<Segment> unbroken = LiveTopics.withoutLatency(DriverRun.segments(checkpoint, settings, stream.getValue()));
      assertThat(unbroken).as(stream.getKey()).isNotEmpty();
      assertThat(LiveTopics.withoutLatency(LiveTopics.segments(bootstrap, stream.getKey()))).as(stream.getKey())
          .isEqualTo(unbroken);
    }
  }

  /** One stream id per input partition, as the default partitioner places keys. */
  private static Map<Integer, String> streamIdsOnEveryPartition() {
    int partitions = TopicCatalog.LIVE_CLIPS.partitions();
    Map<Integer, String> ids = new java.util.TreeMap<>();
    for (int n = 0; ids.size() < partitions; n++) {
      String id = "cam-" + n;
      ids.putIfAbsent(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions, id);
    }
    return ids;
  }

  private boolean sharedBetween(ChildInstance victim) {
    if (survivor.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
      return false;
    }
    Set<Integer> mine = LocalizerInstance.partitions(survivor);
    Set<Integer> theirs = victim.assigned();
    Set<Integer> all = new TreeSet<>(mine);
    all.addAll(theirs);
    return !mine.isEmpty() && !theirs.isEmpty() && all.size() == mine.size() + theirs.size()
        && all.size() == TopicCatalog.LIVE_CLIPS.partitions();
  }

  private void publish(Map<String, List<ClipSnippet>> streams, int from, int to) {
    List<ClipSnippet> snippets = new ArrayList<>();
    for (int index = from; index < to; index++) {
      for (List<ClipSnippet> stream : streams.values()) {
        snippets.add(stream.get(index));
      }
    }
    LiveTopics.publish(bootstrap, snippets);
  }

  private Process startChild() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    child = new ProcessBuilder(java.toString(), "-Xmx512m", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-cp", System.getProperty("java.class.path"), LocalizerInstance.class.getName(),
        bootstrap, MODEL, APPLICATION, dir.resolve("victim").toString())
        .redirectError(Files.createFile(dir.resolve("victim.log")).toFile())
        .start();
    return child;
  }

  /** What a child instance says on its standard output, read as it comes. */
  private static final class ChildInstance {
    private final Map<String, Integer> processed = new ConcurrentHashMap<>();
    private final List<Set<Integer>> assignments = new CopyOnWriteArrayList<>();

    ChildInstance(Process process) {
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String[] words = line.split(" ");
            if (words[0].equals("processed")) {
              processed.merge(words[1], Integer.parseInt(words[2]), Math::max);
            } else if (words[0].equals("assigned")) {
              Set<Integer> partitions = new TreeSet<>();
              Arrays.stream(words).skip(1).flatMap(w -> Arrays.stream(w.split(","))).filter(w -> !w.isEmpty())
                  .map(Integer::valueOf).forEach(partitions::add);
              assignments.add(partitions);
            }
          }
        } catch (IOException killed) {
          // The process is gone; what it said stays.
        }
      }, "child-instance-output");
      reader.setDaemon(true);
      reader.start();
    }

    Set<Integer> assigned() {
      return assignments.isEmpty() ? Set.of() : assignments.get(assignments.size() - 1);
    }

    boolean reached(String stream, int index) {
      return processed.getOrDefault(stream, -1) >= index;
    }
  }
}
