package dev.lofi.localizer.stream;

import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.reload.CurrentModel;
import dev.lofi.localizer.reload.ModelSource;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.Segment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The localizer's topology on a {@link TopologyTestDriver}: for topology tests, as the unbroken
 * run that runs through a real broker are compared with, and as the live path that offline
 * localization is compared with.
 */
public final class DriverRun implements AutoCloseable {

  /** The driver's wall clock: later than every test snippet's capture. */
  static final Instant WALL_CLOCK = Instant.ofEpochMilli(1_800_000_000_000L);

  final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> clips;
  private final TestOutputTopic<String, Segment> segments;
  private final TestOutputTopic<byte[], byte[]> deadLetters;

  DriverRun(LocalizerSettings settings, ModelSource models) {
    driver = new TopologyTestDriver(
        LocalizerTopology.buildTopology(new StreamsBuilder(), settings, models, LocalizerListener.NONE),
        LocalizerTopology.streamsConfig("localhost:9", settings), WALL_CLOCK);
    clips = driver.createInputTopic(TopicCatalog.LIVE_CLIPS.name(), new ByteArraySerializer(), new ByteArraySerializer());
    segments = driver.createOutputTopic(TopicCatalog.SEGMENTS.name(), new StringDeserializer(),
        RecordSerdes.segment().deserializer());
    deadLetters = driver.createOutputTopic(TopicCatalog.DLQ.name(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** Every segment {@code model} finds in {@code records}, through a driver of its own. */
  public static List<Segment> segments(Checkpoint checkpoint, LocalizerSettings settings, List<ClipSnippet> records) {
    try (CurrentModel models = new CurrentModel()) {
      models.swap(InferenceModel.load(checkpoint));
      try (DriverRun run = new DriverRun(settings, models)) {
        records.forEach(run::pipe);
        return run.segments();
      }
    }
  }

  /** Publishes a snippet keyed by its stream, as a live ingest does. */
  void pipe(ClipSnippet snippet) {
    pipe(snippet.videoId().getBytes(StandardCharsets.UTF_8), RecordSerdes.clipSnippet().encode(snippet));
  }

  /** Publishes any bytes. */
  void pipe(byte[] key, byte[] value) {
    clips.pipeInput(key, value);
  }

  /** The segments published since the last call. */
  List<Segment> segments() {
    return segments.readValuesToList();
  }

  /** The dead letters published since the last call. */
  List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters.readRecordsToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
