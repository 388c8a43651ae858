package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lofi.ingest.annotation.ActivityNetFormat;
import dev.lofi.ingest.annotation.AnnotationSet;
import dev.lofi.ingest.files.VideoFiles;
import dev.lofi.topics.record.VideoAnnotations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthTalTest {

  @TempDir
  static Path out;
  private static SynthTalConfig config;
  private static SynthTalSummary summary;
  private static final List<int[]> PROGRESS = new ArrayList<>();

  @BeforeAll
  static void generateATinySet() throws IOException {
    config = SynthTalConfig.defaults(out).withVideos(3).withPreset(SynthPreset.CPU.withVideoSeconds(3, 5))
        .withTrimmedClips(1, 1);
    summary = SynthTal.generate(config, (done, total) -> PROGRESS.add(new int[] {done, total}));
  }

  /** Decodes a file; returns {frames, width, height}. */
  private static int[] decode(Path file) throws IOException {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.start();
      assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
      assertThat(grabber.getFormat()).contains("mp4");
      int frames = 0;
      for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
        frames++;
      }
      return new int[] {frames, grabber.getImageWidth(), grabber.getImageHeight()};
    }
  }

  @Test
  void theAnnotationsReadBackAsActivityNetJsonExactlyAsPlanned() {
    AnnotationSet read = ActivityNetFormat.read(summary.annotations());
    assertThat(read.problems()).isEmpty();
    for (VideoAnnotations planned : SynthPlan.of(config).annotations()) {
      assertThat(read.find(planned.videoId())).get()
          .extracting(truth -> truth.fit(planned.videoId(), planned.durationSeconds()).record()).isEqualTo(planned);
    }
  }

  @Test
  void everyVideoIsADecodableH264Mp4OfItsAnnotatedLength() throws IOException {
    JsonNode database = new ObjectMapper().readTree(summary.annotations().toFile()).get("database");
    assertThat(database.size()).isEqualTo(3);
    for (VideoPlan video : SynthPlan.of(config).videos()) {
      int[] decoded = decode(out.resolve(SynthTal.VIDEOS_DIR).resolve(video.id() + ".mp4"));
      assertThat(decoded[0]).isEqualTo((int) Math.round(database.get(video.id()).get("duration").asDouble() * 15));
      assertThat(new int[] {decoded[1], decoded[2]}).containsExactly(160, 120);
    }
  }

  @Test
  void theTrimmedIndexNamesOneDecodableClipPerClassAndABackgroundClip() throws IOException {
    JsonNode index = new ObjectMapper().readTree(summary.trimmedIndex().toFile());
    List<String> labels = new ArrayList<>();
    for (JsonNode clip : index) {
      labels.add(clip.get("label").asText());
      Path file = summary.trimmedIndex().resolveSibling(clip.get("file").asText());
      assertThat(file.getParent()).isEqualTo(summary.trimmedIndex().getParent());
      assertThat(file.getFileName().toString()).startsWith(clip.get("label").asText() + "_").endsWith(".mp4");
      assertThat(decode(file)[0]).isGreaterThanOrEqualTo((int) (Performance.MIN_ACTION_SECONDS * 15));
    }
    List<String> expected = new ArrayList<>(summary.taxonomy());
    expected.add(TrimmedClip.BACKGROUND);
    assertThat(labels).containsExactlyElementsOf(expected);
  }

  @Test
  void theTrimmedAnnotationsGiveEachClipOneWholeClipSegmentOfItsLabelInSubsetPretrain() throws IOException {
    AnnotationSet read = ActivityNetFormat.read(summary.trimmedAnnotations());
    assertThat(read.problems()).isEmpty();
    JsonNode index = new ObjectMapper().readTree(summary.trimmedIndex().toFile());
    assertThat(read.videos()).hasSize(index.size());
    for (JsonNode clip : index) {
      Path file = summary.trimmedIndex().resolveSibling(clip.get("file").asText());
      String videoId = VideoFiles.videoId(file);
      VideoAnnotations truth = read.find(videoId).orElseThrow().fit(videoId, 99).record();
      assertThat(truth.subset()).isEqualTo(SynthPlan.PRETRAIN);
      double duration = decode(file)[0] / 15.0;
      assertThat(truth.durationSeconds()).isCloseTo(duration, within(1e-9));
      assertThat(truth.annotations()).singleElement().satisfies(segment -> {
        assertThat(segment.label()).isEqualTo(clip.get("label").asText());
        assertThat(segment.start()).isZero();
        assertThat(segment.end()).isCloseTo(duration, within(1e-9));
      });
    }
  }

  @Test
  void ingestingTheTrimmedDirectoryAttemptsExactlyTheClips() throws IOException {
    VideoFiles.Listing listing = VideoFiles.list(summary.trimmedIndex().getParent());
    List<String> files = new ArrayList<>();
    for (JsonNode clip : new ObjectMapper().readTree(summary.trimmedIndex().toFile())) {
      files.add(clip.get("file").asText());
    }
    assertThat(listing.videos()).map(path -> path.getFileName().toString()).containsExactlyInAnyOrderElementsOf(files);
    assertThat(listing.documents()).containsExactlyInAnyOrder(summary.trimmedIndex(), summary.trimmedAnnotations());
  }

  @Test
  void progressCountsEveryFileOnceUpToTheTotal() {
    int total = 3 + ActionClass.values().length + 1;
    assertThat(PROGRESS).hasSize(total);
    for (int i = 0; i < total; i++) {
      assertThat(PROGRESS.get(i)).containsExactly(i + 1, total);
    }
    assertThat(summary.videos()).isEqualTo(3);
    assertThat(summary.trimmedClips()).isEqualTo(total - 3);
  }

  @Test
  void encodingTheSamePlanTwiceWritesTheSameBytes(@TempDir Path again) throws IOException {
    // One encoder thread per file: files, not only rendered frames, are reproducible.
    VideoPlan video = SynthPlan.of(config).videos().get(0);
    SynthTal.encode(video, again.resolve("a.mp4"));
    assertThat(Files.readAllBytes(again.resolve("a.mp4")))
        .isEqualTo(Files.readAllBytes(out.resolve(SynthTal.VIDEOS_DIR).resolve(video.id() + ".mp4")));
  }
}
