package dev.lofi.localizer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.localizer.reload.CurrentModel;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.deadletter.DeadLetterHeaders;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.Segment.Event;
import dev.lofi.topics.record.Segment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalizerTopologyTest {

  private static final int SNIPPETS = 24;

  @TempDir Path stateDir;

  private final CurrentModel models = new CurrentModel();
  private InferenceModel model;
  private DriverRun run;

  @BeforeEach
  void start() {
    model = InferenceModel.load(TestCheckpoints.tiny("tiny", "head", 1));
    models.swap(model);
    run = new DriverRun(TestSettings.of("tiny", "topology-test", stateDir), models);
  }

  @AfterEach
  void stop() {
    run.close();
    models.close();
  }

  private List<Segment> localize(List<ClipSnippet> records) {
    records.forEach(run::pipe);
    return run.segments();
  }

  @Test
  void everyActionIsOpenedBeforeItIsClosedAndClosedExactlyOnce() {
    List<Segment> segments = localize(TestCheckpoints.stream("cam1", SNIPPETS, 1));

    List<Segment> closed = segments.stream().filter(s -> s.event() == Event.CLOSED).toList();
    assertThat(closed).hasSizeGreaterThan(2);
    assertThat(closed).extracting(s -> s.label() + " " + s.start() + "-" + s.end()).doesNotHaveDuplicates();
    Map<String, Integer> openNow = new HashMap<>();
    for (Segment segment : segments) {
      int change = segment.event() == Event.OPENED ? 1 : -1;
      int open = openNow.merge(segment.label(), change, Integer::sum);
      assertThat(open).as("actions of '%s' open after %s", segment.label(), segment).isNotNegative();
    }
    assertThat(openNow.values()).as("every opened action was closed").containsOnly(0);
    assertThat(segments).allSatisfy(s -> assertThat(s.stream()).isEqualTo("cam1"));
  }

  @Test
  void theEndOfStreamMarkerClosesEveryOpenActionAndForgetsTheStream() {
    List<ClipSnippet> stream = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    List<Segment> before = localize(stream.subList(0, 9));
    assertThat(run.driver.getKeyValueStore(LocalizerTopology.WINDOW_STORE).get("cam1")).isNotNull();
    long openBefore = before.stream().filter(s -> s.event() == Event.OPENED).count();
    long closedBefore = before.stream().filter(s -> s.event() == Event.CLOSED).count();
    assertThat(openBefore).isGreaterThan(closedBefore);

    List<Segment> flushed = localize(List.of(TestCheckpoints.endOfStream("cam1", 9)));

    // The head first sees the snippet no run has seen yet, which may open actions too.
    long openedAtEnd = flushed.stream().filter(s -> s.event() == Event.OPENED).count();
    assertThat(flushed.stream().filter(s -> s.event() == Event.CLOSED).count())
        .isEqualTo(openBefore - closedBefore + openedAtEnd);
    assertThat(flushed).last().extracting(Segment::event).isEqualTo(Event.CLOSED);
    assertThat(flushed).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(9.0));
    assertThat(run.driver.getKeyValueStore(LocalizerTopology.WINDOW_STORE).get("cam1")).isNull();
    assertThat(run.driver.getKeyValueStore(LocalizerTopology.TRACK_STORE).get("cam1")).isNull();
  }

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicWithItsOriginAndTheStreamGoesOn() {
    List<ClipSnippet> stream = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    List<Segment> clean = localize(stream);
    run.close();
    run = new DriverRun(TestSettings.of("tiny", "topology-test", stateDir), models);
    byte[] poison = "not a snippet".getBytes(StandardCharsets.UTF_8);

    stream.subList(0, 5).forEach(run::pipe);
    run.pipe("cam1".getBytes(StandardCharsets.UTF_8), poison);
    run.pipe("cam2".getBytes(StandardCharsets.UTF_8), RecordSerdes.clipSnippet().encode(stream.get(5)));
    stream.subList(5, stream.size()).forEach(run::pipe);

    assertThat(run.segments()).isEqualTo(clean);
    List<TestRecord<byte[], byte[]>> letters = run.deadLetters();
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).value()).isEqualTo(poison);
    assertThat(letters.get(0).key()).isEqualTo("cam1".getBytes(StandardCharsets.UTF_8));
    Headers origin = letters.get(0).headers();
    assertThat(header(origin, DeadLetterHeaders.REASON)).isEqualTo("BAD_MAGIC");
    assertThat(header(origin, DeadLetterHeaders.TOPIC)).isEqualTo(TopicCatalog.LIVE_CLIPS.name());
    assertThat(header(origin, DeadLetterHeaders.PARTITION)).isEqualTo("0");
    assertThat(header(origin, DeadLetterHeaders.OFFSET)).isEqualTo("5");
    assertThat(header(origin, DeadLetterHeaders.CONSUMER)).isEqualTo("localizer");
    assertThat(header(letters.get(1).headers(), DeadLetterHeaders.DETAIL))
        .contains("key 'cam2' holds a snippet of stream 'cam1'");
  }

  @Test
  void aSnippetTheModelCannotEncodeGoesToTheDeadLetterTopicOnceAndTheStreamGoesOn() {
    List<ClipSnippet> stream = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    List<Segment> clean = localize(stream);
    run.close();
    run = new DriverRun(TestSettings.of("tiny", "topology-test", stateDir), models);
    ClipSnippet good = stream.get(5);
    int frames = good.frames() + 1;
    ClipSnippet otherPreset = new ClipSnippet("cam1", "full", 5, ClipSnippet.UNKNOWN_COUNT, good.mediaStart(),
        good.mediaEnd(), good.captureEpochMillis(), false, false, frames, good.height(), good.width(), 3,
        good.dtype(), new byte[frames * good.height() * good.width() * 3]);

    stream.subList(0, 5).forEach(run::pipe);
    run.pipe(otherPreset);
    stream.subList(5, stream.size()).forEach(run::pipe);

    assertThat(run.segments()).isEqualTo(clean);
    List<TestRecord<byte[], byte[]>> letters = run.deadLetters();
    assertThat(letters).singleElement().satisfies(letter -> {
      assertThat(letter.key()).isEqualTo("cam1".getBytes(StandardCharsets.UTF_8));
      assertThat(letter.value()).isEqualTo(RecordSerdes.clipSnippet().encode(otherPreset));
      assertThat(header(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("INCOMPATIBLE");
      assertThat(header(letter.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("5");
      assertThat(header(letter.headers(), DeadLetterHeaders.DETAIL)).contains("snippets of " + good.frames()
          + " frames");
    });
  }

  @Test
  void everySegmentNamesTheModelThatProducedIt() {
    List<Segment> segments = localize(TestCheckpoints.stream("cam1", SNIPPETS, 1));

    assertThat(segments).isNotEmpty().allSatisfy(s -> assertThat(s.model()).isEqualTo(model.version()));
  }

  @Test
  void aModelSwappedInBetweenSnippetsNamesTheSegmentsFoundAfterIt() {
    List<ClipSnippet> stream = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    List<Segment> before = localize(stream.subList(0, 12));
    InferenceModel retrained = InferenceModel.load(TestCheckpoints.tiny("tiny", "head", 2));

    models.swap(retrained);
    run.pipe(stream.get(12));
    List<Segment> atSwap = run.segments();
    List<Segment> after = localize(stream.subList(13, stream.size()));

    assertThat(before).isNotEmpty().allSatisfy(s -> assertThat(s.model()).isEqualTo(model.version()));
    // The new encoder's features cannot join the old window: the old stretch closes, as the old model saw it.
    assertThat(atSwap).allSatisfy(s -> {
      assertThat(s.event()).isEqualTo(Event.CLOSED);
      assertThat(s.model()).isEqualTo(model.version());
    });
    assertThat(after).isNotEmpty().allSatisfy(s -> assertThat(s.model()).isEqualTo(retrained.version()));
  }

  @Test
  void latencyCountsFromTheCaptureOfTheSnippetThatDecidedTheEvent() {
    List<ClipSnippet> stream = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    List<Long> expected = new ArrayList<>();
    List<Long> found = new ArrayList<>();
    for (ClipSnippet snippet : stream) {
      run.pipe(snippet);
      for (Segment segment : run.segments()) {
        expected.add(DriverRun.WALL_CLOCK.toEpochMilli() - snippet.captureEpochMillis());
        found.add(segment.latencyMs());
      }
    }

    assertThat(found).isNotEmpty().isEqualTo(expected);
  }

  @Test
  void wallClockTimesAreTheCaptureTimesOfTheActionsMediaTimes() {
    List<Segment> segments = localize(TestCheckpoints.stream("cam1", SNIPPETS, 1));

    // Test snippet i covers [i, i + 1] s and was captured at its end.
    assertThat(segments).allSatisfy(s -> {
      assertThat(s.startWall().toEpochMilli()).isCloseTo(TestCheckpoints.captureMillis(0) + Math.round((s.start() - 1) * 1000),
          within(1L));
      assertThat(s.endWall().toEpochMilli()).isCloseTo(TestCheckpoints.captureMillis(0) + Math.round((s.end() - 1) * 1000),
          within(1L));
    });
  }

  @Test
  void interleavedStreamsAreLocalizedAsIfEachWereAlone() {
    List<ClipSnippet> first = TestCheckpoints.stream("cam1", SNIPPETS, 1);
    List<ClipSnippet> second = TestCheckpoints.stream("cam2", SNIPPETS, 2);
    List<Segment> firstAlone = localize(first);
    List<Segment> secondAlone = localize(second);

    List<Segment> together = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      run.pipe(first.get(i));
      run.pipe(second.get(i));
      together.addAll(run.segments());
    }

    assertThat(together.stream().filter(s -> s.stream().equals("cam1")).toList()).isEqualTo(firstAlone);
    assertThat(together.stream().filter(s -> s.stream().equals("cam2")).toList()).isEqualTo(secondAlone);
    Set<String> streams = new HashSet<>();
    together.forEach(s -> streams.add(s.stream()));
    assertThat(streams).containsExactlyInAnyOrder("cam1", "cam2");
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
