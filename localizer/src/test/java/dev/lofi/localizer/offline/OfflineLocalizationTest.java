package dev.lofi.localizer.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.ingest.bench.BenchVideo;
import dev.lofi.ingest.live.LiveIngest;
import dev.lofi.ingest.live.LiveListener;
import dev.lofi.ingest.live.LiveSource;
import dev.lofi.ingest.live.LiveSourceSettings;
import dev.lofi.localizer.evaluation.ActivityNetPredictions;
import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.localizer.stream.DriverRun;
import dev.lofi.localizer.stream.TestSettings;
import dev.lofi.model.evaluation.Prediction;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline localization of generated videos with a tiny untrained network. */
class OfflineLocalizationTest {

  private static final Checkpoint CHECKPOINT = TestCheckpoints.tiny("tiny", "head", 1);
  /** 8 s of a panning texture with moving discs at 15 fps: 30 snippets of the tiny network's fidelity. */
  private static final BenchVideo VIDEO = new BenchVideo(96, 64, 15, 8);

  @TempDir static Path dir;
  private static Path video;
  private static InferenceModel model;

  @BeforeAll
  static void videoAndModel() {
    video = dir.resolve("walk.mp4");
    VIDEO.write(video);
    model = InferenceModel.load(CHECKPOINT);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  private static OfflineResult localize(Path path) {
    return localize(model, path);
  }

  private static OfflineResult localize(InferenceModel with, Path path) {
    return new OfflineLocalization(with, TestCheckpoints.FULL, TestSettings.SLIDING, new OfflineListener() {})
        .run(path);
  }

  /** What the live ingest of {@code file} publishes for a stream, end marker included. */
  private static List<ClipSnippet> liveSnippets(Path file, String stream) {
    List<ClipSnippet> snippets = new ArrayList<>();
    new LiveIngest(snippets::add, new LiveSourceSettings(new LiveSource(file.toString()), stream, TestCheckpoints.FULL,
        LiveSourceSettings.Reading.ONCE), new LiveListener() {}).run();
    return snippets;
  }

  /** A prediction as the live service writes it in a segment: times to the ms, the score to 4 decimals. */
  private static Prediction asSegment(Prediction prediction) {
    return new Prediction(prediction.label(), Math.round(prediction.start() * 1e3) / 1e3,
        Math.round(prediction.end() * 1e3) / 1e3, Math.round(prediction.score() * 1e4) / 1e4);
  }

  @Test
  void aVideoGivesTheClosedSegmentsTheLiveTopologyPublishesForTheSameVideo() {
    assertOfflineIsLive(CHECKPOINT, model);
  }

  @Test
  void aGtadModelLocalizesAVideoOfflineAsTheLiveTopologyDoes() {
    Checkpoint gtad = TestCheckpoints.tiny("tiny-gtad", "head", 2, TestCheckpoints.gtadNetwork(TestCheckpoints.FRAMES));
    try (InferenceModel gtadModel = InferenceModel.load(gtad)) {
      assertOfflineIsLive(gtad, gtadModel);
    }
  }

  private static void assertOfflineIsLive(Checkpoint checkpoint, InferenceModel loaded) {
    OfflineResult result = localize(loaded, video);

    List<Segment> live = DriverRun.segments(checkpoint, TestSettings.of("tiny", "offline-test", dir.resolve("state-" + checkpoint.manifest().model())),
        liveSnippets(video, "walk"));
    List<Prediction> closed = live.stream().filter(segment -> segment.event() == Segment.Event.CLOSED)
        .map(segment -> new Prediction(segment.label(), segment.start(), segment.end(), segment.score())).toList();
    assertThat(result.succeeded()).isTrue();
    assertThat(result.videos()).singleElement().satisfies(walk -> {
      assertThat(walk.videoId()).isEqualTo("walk");
      assertThat(walk.snippets()).isEqualTo(30);
      assertThat(walk.mediaSeconds()).isCloseTo(8.0, within(1e-6));
    });
    assertThat(closed).isNotEmpty();
    assertThat(result.predictions().get("walk")).map(OfflineLocalizationTest::asSegment)
        .containsExactlyElementsOf(closed);
  }

  @Test
  void aDirectoryGivesEachVideoItsPredictionsWhileACorruptFileIsReportedAndDocumentsLeftAlone() {
    Path videos = VideoFolder.write(dir.resolve("videos"), video);
    List<String> heard = new ArrayList<>();

    OfflineResult result = new OfflineLocalization(model, TestCheckpoints.FULL, TestSettings.SLIDING,
        new OfflineListener() {
          @Override
          public void fileStarted(Path file, int index, int total) {
            heard.add(index + "/" + total + " " + file.getFileName());
          }

          @Override
          public void fileFailed(Path file, String reason) {
            heard.add("failed " + file.getFileName());
          }
        }).run(videos);

    assertThat(result.videos()).extracting(LocalizedVideo::videoId).containsExactly("a", "c");
    assertThat(result.predictions().get("a")).isEqualTo(localize(video).predictions().get("walk")).isNotEmpty();
    assertThat(result.skipped()).singleElement().satisfies(skipped -> {
      assertThat(skipped.file()).isEqualTo(videos.resolve("notes.txt"));
      assertThat(skipped.reason()).isEqualTo("not a video (a .txt document)");
    });
    assertThat(result.succeeded()).isFalse();
    assertThat(result.failed()).hasSize(2);
    assertThat(result.failed().get(0).file()).isEqualTo(videos.resolve("b.mp4"));
    assertThat(result.failed().get(0).reason()).isNotBlank();
    assertThat(result.failed().get(1).file()).isEqualTo(videos.resolve("c.mp4"));
    assertThat(result.failed().get(1).reason()).contains("video id 'c' is c.mkv's already");
    assertThat(heard).containsExactly("1/4 a.mp4", "2/4 b.mp4", "failed b.mp4", "3/4 c.mkv", "4/4 c.mp4",
        "failed c.mp4");
  }

  @Test
  void predictionsWrittenToAFileReadBackWithTheEvaluatorsReader() {
    OfflineResult result = localize(video);
    Path file = dir.resolve("pred.json");

    ActivityNetPredictions.write(file, result.predictions());

    Map<String, List<Prediction>> read = ActivityNetPredictions.read(file);
    assertThat(read).containsOnlyKeys("walk");
    assertThat(read.get("walk")).isNotEmpty().isEqualTo(result.predictions().get("walk"));
    assertThat(read.get("walk")).allSatisfy(prediction -> {
      assertThat(prediction.label()).isIn(TestCheckpoints.LABELS);
      assertThat(prediction.end()).isGreaterThan(prediction.start());
      assertThat(prediction.start()).isBetween(0.0, 8.0);
      assertThat(prediction.end()).isBetween(0.0, 8.0);
      assertThat(prediction.score()).isGreaterThanOrEqualTo(TestSettings.SLIDING.threshold());
    });
  }

  @Test
  void aModelOfAnotherSnippetLengthIsRefusedBeforeAnyFileIsRead() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OfflineLocalization(model, FidelityPreset.CPU.full(), TestSettings.SLIDING,
            new OfflineListener() {}))
        .withMessageContaining("encodes snippets of 2 frames; the preset's full fidelity has 8");
  }
}
