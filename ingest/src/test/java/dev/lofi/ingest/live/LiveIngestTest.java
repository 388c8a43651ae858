package dev.lofi.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import dev.lofi.ingest.TestVideos;
import dev.lofi.ingest.live.LiveSummary.Ending;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import dev.lofi.topics.scan.TopicScan;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live ingest through a real broker, of files and a network stream made for the test. */
class LiveIngestTest {

  /** T = 4 frames, every 2nd source frame, 16 x 16: a snippet spans 8 frames of a 15 fps video. */
  private static final Fidelity FULL = new Fidelity("full", 1, 16, 4, 2);
  private static final int FRAME_BYTES = 16 * 16 * 3;
  private static final double SNIPPET_SECONDS = 8 / TestVideos.FPS;
  /** 2 s: three whole snippets, and a fourth its end cuts short. */
  private static final int CLIP_FRAMES = 30;

  @TempDir static Path dir;
  private static String bootstrap;
  private static Path clip;

  @BeforeAll
  static void clusterAndClip() {
    bootstrap = KafkaTestCluster.shared().bootstrapServers();
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(List.of(TopicCatalog.LIVE_CLIPS, TopicCatalog.DLQ));
    }
    clip = TestVideos.gray(dir.resolve("clip.mp4"), CLIP_FRAMES);
  }

  private static RetryPolicy quickRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, Duration.ofMillis(10), Duration.ofMillis(40));
  }

  private static LiveSourceSettings settings(String uri, boolean realtime, boolean loop, RetryPolicy retry) {
    return new LiveSourceSettings(new LiveSource(uri), "test-" + UUID.randomUUID(), FULL,
        new LiveSourceSettings.Reading(realtime, loop, retry));
  }

  /** The source frame each slot of a snippet shows. */
  private static List<Integer> framesOf(ClipSnippet snippet) {
    List<Integer> frames = new ArrayList<>();
    for (int slot = 0; slot < snippet.frames(); slot++) {
      frames.add(TestVideos.frameOf(snippet.payload(), slot * FRAME_BYTES, FRAME_BYTES));
    }
    return frames;
  }

  /** Checks the stream's shape every test relies on: consecutive, contiguous, one end marker last. */
  private static void assertOneStream(List<ClipSnippet> records) {
    assertThat(records).isNotEmpty();
    assertThat(records.stream().filter(ClipSnippet::endOfStream)).hasSize(1);
    ClipSnippet marker = records.get(records.size() - 1);
    assertThat(marker.endOfStream()).isTrue();
    assertThat(marker.snippetIndex()).isEqualTo(records.size() - 1);
    for (int i = 0; i < records.size() - 1; i++) {
      ClipSnippet snippet = records.get(i);
      assertThat(snippet.snippetIndex()).isEqualTo(i);
      assertThat(snippet.snippetCount()).isEqualTo(ClipSnippet.UNKNOWN_COUNT);
      assertThat(snippet.fidelity()).isEqualTo("full");
      assertThat(snippet.mediaEnd() - snippet.mediaStart()).isCloseTo(SNIPPET_SECONDS, within(1e-9));
      assertThat(snippet.captureEpochMillis()).isPositive();
      assertThat(records.get(i + 1).mediaStart()).isGreaterThanOrEqualTo(snippet.mediaEnd() - 1e-9);
    }
  }

  /** A listener that hands each published snippet to {@code onSnippet}. */
  private static LiveListener onSnippet(Consumer<ClipSnippet> onSnippet) {
    return new LiveListener() {
      @Override
      public void snippetPublished(ClipSnippet snippet) {
        onSnippet.accept(snippet);
      }
    };
  }

  @Test
  void aFileIsPublishedAsConsecutiveSnippetsAndOneEndMarkerLast() {
    LiveSourceSettings settings = settings(clip.toString(), false, false, null);

    LiveSummary summary = new LiveIngest(bootstrap, settings, new LiveListener() {}).run();

    assertThat(summary.ending()).isEqualTo(Ending.FINISHED);
    assertThat(summary.snippets()).isEqualTo(3);
    List<ClipSnippet> records = LiveClipsOnTopic.read(bootstrap, settings.streamId());
    assertOneStream(records);
    assertThat(records).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(framesOf(records.get(i))).as("snippet %d", i).containsExactly(8 * i, 8 * i + 2, 8 * i + 4, 8 * i + 6);
      assertThat(records.get(i).mediaStart()).isCloseTo(i * SNIPPET_SECONDS, within(1e-6));
      assertThat(records.get(i).discontinuity()).isFalse();
    }
    // The end marker carries where the file ended: after its 30th frame, past the last whole snippet.
    assertThat(records.get(3).mediaStart()).isCloseTo(CLIP_FRAMES / TestVideos.FPS, within(1e-6));
    assertThat(summary.mediaSeconds()).isCloseTo(CLIP_FRAMES / TestVideos.FPS, within(1e-6));
  }

  @Test
  void aFileStreamedToASinkGivesTheSnippetsTheTopicGets() {
    LiveSourceSettings settings = settings(clip.toString(), false, false, null);
    new LiveIngest(bootstrap, settings, new LiveListener() {}).run();
    List<ClipSnippet> taken = new ArrayList<>();

    LiveSummary summary = new LiveIngest(taken::add, settings, new LiveListener() {}).run();

    assertThat(summary.ending()).isEqualTo(Ending.FINISHED);
    assertThat(summary.clipBytes()).isEqualTo(3L * 4 * FRAME_BYTES);
    assertOneStream(taken);
    assertThat(taken).usingRecursiveFieldByFieldElementComparatorIgnoringFields("captureEpochMillis")
        .containsExactlyElementsOf(LiveClipsOnTopic.read(bootstrap, settings.streamId()));
  }

  @Test
  void aLoopingFileKeepsMediaTimeGoingAcrossRepeatsUntilStopped() {
    LiveSourceSettings settings = settings(clip.toString(), false, true, null);
    AtomicReference<LiveIngest> ingest = new AtomicReference<>();
    ingest.set(new LiveIngest(bootstrap, settings, onSnippet(snippet -> {
      if (snippet.snippetIndex() == 7) {
        ingest.get().stop();
      }
    })));

    LiveSummary summary = ingest.get().run();

    assertThat(summary.ending()).isEqualTo(Ending.STOPPED);
    List<ClipSnippet> records = LiveClipsOnTopic.read(bootstrap, settings.streamId());
    assertOneStream(records);
    assertThat(records).hasSize(9);
    // The fourth snippet ends with the repeat's first frame, 2 s in; the fifth lies in the repeat.
    assertThat(framesOf(records.get(3))).containsExactly(24, 26, 28, 0);
    assertThat(framesOf(records.get(4))).containsExactly(2, 4, 6, 8);
    assertThat(records.get(7).mediaEnd()).isCloseTo(8 * SNIPPET_SECONDS, within(1e-6)).isGreaterThan(4.0);
    assertThat(records).noneMatch(ClipSnippet::discontinuity);
  }

  @Test
  void aFileThatAppearsAfterAFailedOpenIsPublishedOnTheRetry() {
    Path late = dir.resolve("late-" + UUID.randomUUID() + ".mp4");
    LiveSourceSettings settings = settings(late.toString(), false, false, quickRetries(3));
    List<String> reasons = new ArrayList<>();

    LiveSummary summary = new LiveIngest(bootstrap, settings, new LiveListener() {
      @Override
      public void retrying(String reason, int retry, Duration delay) {
        reasons.add(reason);
        copy(clip, late);
      }
    }).run();

    assertThat(reasons).containsExactly("no such file");
    assertThat(summary.ending()).isEqualTo(Ending.FINISHED);
    assertThat(summary.reconnects()).isZero();
    List<ClipSnippet> records = LiveClipsOnTopic.read(bootstrap, settings.streamId());
    assertOneStream(records);
    assertThat(records).hasSize(4).noneMatch(ClipSnippet::discontinuity);
  }

  @Test
  void aMissingFileIsGivenUpAfterItsRetriesAndTheStreamStillEnds() {
    Path missing = dir.resolve("missing.mp4");
    LiveSourceSettings settings = settings(missing.toString(), false, false, quickRetries(2));
    List<Integer> retries = new ArrayList<>();

    LiveSummary summary = new LiveIngest(bootstrap, settings, new LiveListener() {
      @Override
      public void retrying(String reason, int retry, Duration delay) {
        retries.add(retry);
      }
    }).run();

    assertThat(retries).containsExactly(1, 2);
    assertThat(summary.succeeded()).isFalse();
    assertThat(summary.failure()).isEqualTo("no such file (gave up after 2 retries)");
    List<ClipSnippet> records = LiveClipsOnTopic.read(bootstrap, settings.streamId());
    assertThat(records).singleElement().satisfies(marker -> {
      assertThat(marker.endOfStream()).isTrue();
      assertThat(marker.snippetIndex()).isZero();
      assertThat(marker.mediaStart()).isZero();
    });
  }

  @Test
  void inRealTimeASnippetIsCapturedWhenItsLastFrameWasDue() {
    LiveSourceSettings settings = settings(clip.toString(), true, false, null);

    new LiveIngest(bootstrap, settings, new LiveListener() {}).run();

    List<ClipSnippet> records = LiveClipsOnTopic.read(bootstrap, settings.streamId());
    assertOneStream(records);
    long first = records.get(0).captureEpochMillis();
    for (int i = 1; i < 3; i++) {
      double mediaMillis = (records.get(i).mediaStart() - records.get(0).mediaStart()) * 1000;
      assertThat((double) records.get(i).captureEpochMillis() - first).isCloseTo(mediaMillis, within(1.0));
    }
  }

  @Test
  void eachRecordIsTimestampedWithItsSnippetsCaptureTime() {
    String stream = "test-" + UUID.randomUUID();
    long captured = System.currentTimeMillis() - 10_000;
    try (LivePublisher publisher = new LivePublisher(bootstrap, stream)) {
      publisher.send(new ClipSnippet(stream, "full", 0, ClipSnippet.UNKNOWN_COUNT, 0, 1, captured, false, false, 4, 16,
          16, 3, DType.UINT8, new byte[4 * FRAME_BYTES]));
      publisher.send(ClipSnippet.endOfStreamMarker(stream, "full", 1, 1, captured + 1));
      publisher.flush();
    }
    List<Long> timestamps = new ArrayList<>();

    TopicScan.scan(bootstrap, TopicCatalog.LIVE_CLIPS.name(), record -> {
      if (stream.equals(new String(record.key(), StandardCharsets.UTF_8))) {
        timestamps.add(record.timestamp());
      }
    });

    assertThat(timestamps).containsExactly(captured, captured + 1);
  }

  @Test
  void aLiveStreamThatEndsIsReconnectedAndTheNextSnippetMarkedDiscontinuous() throws IOException {
    byte[] stream = Files.readAllBytes(TestVideos.gray(dir.resolve("cam.ts"), CLIP_FRAMES));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/cam.ts", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
      exchange.sendResponseHeaders(200, stream.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(stream);
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cam.ts";
      LiveSourceSettings settings = settings(url, false, false, quickRetries(RetryPolicy.UNLIMITED));
      List<String> events = new ArrayList<>();
      AtomicReference<LiveIngest> ingest = new AtomicReference<>();
      ingest.set(new LiveIngest(bootstrap, settings, new LiveListener() {
        @Override
        public void opened(LiveSource source, int width, int height, double fps, boolean reconnected) {
          events.add((reconnected ? "reconnected " : "opened ") + width + "x" + height + " " + fps);
        }

        @Override
        public void retrying(String reason, int retry, Duration delay) {
          events.add("retry " + retry + ": " + reason);
        }

        @Override
        public void snippetPublished(ClipSnippet snippet) {
          if (snippet.snippetIndex() == 4) {
            ingest.get().stop();
          }
        }
      }));

      LiveSummary summary = ingest.get().run();

      assertThat(events).containsExactly("opened 64x48 15.0", "retry 1: the stream ended", "reconnected 64x48 15.0");
      assertThat(summary.reconnects()).isEqualTo(1);
      List<ClipSnippet> records = LiveClipsOnTopic.read(bootstrap, settings.streamId());
      assertOneStream(records);
      assertThat(records).hasSize(6);
      assertThat(records).extracting(ClipSnippet::discontinuity).containsExactly(false, false, false, true, false, false);
      assertThat(framesOf(records.get(3))).containsExactly(0, 2, 4, 6);
    } finally {
      server.stop(0);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
