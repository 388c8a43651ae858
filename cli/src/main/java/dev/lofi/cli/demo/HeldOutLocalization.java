package dev.lofi.cli.demo;

import dev.lofi.ingest.live.LiveIngest;
import dev.lofi.ingest.live.LiveListener;
import dev.lofi.ingest.live.LiveSource;
import dev.lofi.ingest.live.LiveSourceSettings;
import dev.lofi.ingest.live.LiveSummary;
import dev.lofi.localizer.stream.LiveLocalizer;
import dev.lofi.localizer.stream.LocalizerListener;
import dev.lofi.localizer.stream.LocalizerSettings;
import dev.lofi.localizer.stream.LocalizerTopology;
import dev.lofi.localizer.stream.StreamsApplication;
import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.Segment;
import dev.lofi.topics.scan.TopicScan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The held-out videos through the live service, as a user's cameras would go: each video is
 * published once to {@code lofi.live.clips} as a live stream (stream id = video id, not paced to
 * real time), then each trained model gets a live localizer of its own that reads every stream
 * from its start and publishes segments to {@code lofi.segments}; its {@code closed} segments are
 * the predictions.
 */
final class HeldOutLocalization {

  // A localizer has done its part once it has seen every stream's end-of-stream marker.
  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

  private final String bootstrap;
  private final Path stateDir;
  private final double threshold;

  HeldOutLocalization(String bootstrap, Path stateDir, double threshold) {
    this.bootstrap = bootstrap;
    this.stateDir = stateDir;
    this.threshold = threshold;
  }

  /** Publishes each video as a live stream named by its id, end-of-stream marker included. */
  void stream(Map<String, Path> videos) {
    for (Map.Entry<String, Path> video : videos.entrySet()) {
      LiveSourceSettings source = new LiveSourceSettings(new LiveSource(video.getValue().toString()), video.getKey(),
          FidelityPreset.CPU.full(), LiveSourceSettings.Reading.ONCE);
      LiveSummary summary = new LiveIngest(bootstrap, source, new LiveListener() {}).run();
      if (!summary.succeeded()) {
        throw new IllegalStateException("streaming " + video.getValue() + " failed: " + summary.failure());
      }
    }
  }

  /**
   * Runs a live localizer of {@code model}'s latest checkpoint over {@code streams} until it has
   * seen each one end, and returns the closed segments it published, by stream.
   */
  Map<String, List<Segment>> localize(String model, Set<String> streams) throws InterruptedException {
    LocalizerSettings settings = new LocalizerSettings(model, SlidingWindowSettings.DEFAULT.withThreshold(threshold),
        StreamsApplication.exactlyOnce("lofi-demo-" + model, stateDir.resolve(model)));
    Set<String> ended = ConcurrentHashMap.newKeySet();
    CountDownLatch allEnded = new CountDownLatch(1);
    try (LiveLocalizer localizer = new LiveLocalizer(bootstrap, settings,
        LocalizerTopology.streamsConfig(bootstrap, settings), new LocalizerListener() {
          @Override
          public void processed(ClipSnippet snippet) {
            if (snippet.endOfStream() && streams.contains(snippet.videoId()) && ended.add(snippet.videoId())
                && ended.containsAll(streams)) {
              allEnded.countDown();
            }
          }
        })) {
      localizer.start();
      if (!allEnded.await(STREAM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the localizer of " + model + " saw " + ended.size() + " of "
            + streams.size() + " held-out streams end within " + STREAM_TIMEOUT.toMinutes() + " minutes"
            + localizer.failure().map(f -> ": " + f.getMessage()).orElse(""));
      }
    }
    // Closing committed the last segments: read them as any consumer of lofi.segments would.
    return closedSegments(model, streams);
  }

  private Map<String, List<Segment>> closedSegments(String model, Collection<String> streams) {
    Map<String, List<Segment>> byStream = new TreeMap<>();
    streams.forEach(stream -> byStream.put(stream, new ArrayList<>()));
    TopicScan.scan(bootstrap, TopicCatalog.SEGMENTS.name(), record -> {
      try {
        Segment segment = RecordSerdes.segment().decode(record.value());
        if (segment.event() == Segment.Event.CLOSED && segment.model().startsWith(model + "@")
            && byStream.containsKey(segment.stream())) {
          byStream.get(segment.stream()).add(segment);
        }
      } catch (RecordFormatException e) {
        // Not one of this run's segments; the demo's evaluation only reads its own.
      }
    });
    return byStream;
  }
}
