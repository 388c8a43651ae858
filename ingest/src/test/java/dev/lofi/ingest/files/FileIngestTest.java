package dev.lofi.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lofi.ingest.EditLists;
import dev.lofi.ingest.TestVideos;
import dev.lofi.ingest.annotation.ActivityNetFormat;
import dev.lofi.ingest.annotation.AnnotationProblem;
import dev.lofi.ingest.annotation.AnnotationSet;
import dev.lofi.ingest.annotation.GroundTruth;
import dev.lofi.ingest.annotation.Thumos14Format;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest of video files through a real broker. */
class FileIngestTest {

  private static final List<String> FIDELITIES = IngestSettings.ALL_FIDELITIES;
  private static String bootstrap;

  @TempDir
  Path dir;

  /** Video ids unique to each test, since the broker is shared by the whole test JVM. */
  private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 6) + "_";

  @BeforeAll
  static void createTopics() {
    bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
  }

  @Test
  void goodVideosLandAtEveryFidelityWhileBadFilesAreNamedAndPublishNothing() throws Exception {
    TestVideos.h264(dir.resolve(prefix + "a.mp4"), 60, 15, 96, 64);
    TestVideos.lossless(dir.resolve(prefix + "b.mkv"), 45, 15, 80, 60);
    Files.createFile(dir.resolve(prefix + "empty.mp4"));
    Files.writeString(dir.resolve(prefix + "text.mov"), "not a video at all\n".repeat(20));
    byte[] noise = new byte[20_000];
    new java.util.Random(1).nextBytes(noise);
    Files.write(dir.resolve(prefix + "random.avi"), noise);
    Files.writeString(dir.resolve("README.md"), "# about these videos");

    IngestSummary summary = ingest(dir, null, false);

    assertThat(summary.published()).extracting(IngestSummary.Published::videoId)
        .containsExactly(prefix + "a", prefix + "b");
    assertThat(summary.failed()).extracting(o -> o.file().getFileName().toString())
        .containsExactlyInAnyOrder(prefix + "empty.mp4", prefix + "text.mov", prefix + "random.avi");
    assertThat(summary.skipped()).extracting(o -> o.file().getFileName().toString()).containsExactly("README.md");
    assertThat(summary.succeeded()).isFalse();

    FidelityPreset cpu = FidelityPreset.CPU;
    for (String fidelity : FIDELITIES) {
      Map<String, List<ClipSnippet>> clips = clipsByVideo(fidelity);
      assertThat(clips.get(prefix + "a")).as(fidelity).hasSize(cpu.fidelity(fidelity).snippets())
          .extracting(ClipSnippet::snippetIndex).doesNotHaveDuplicates();
      assertThat(clips.get(prefix + "b")).hasSize(cpu.fidelity(fidelity).snippets());
      assertThat(clips).doesNotContainKeys(prefix + "empty", prefix + "text", prefix + "random");
    }
    assertThat(clipsByVideo("t").get(prefix + "a")).hasSizeLessThan(clipsByVideo("full").get(prefix + "a").size());
    VideoMetadata metadata = videos().get(prefix + "a");
    assertThat(metadata.frameCount()).isEqualTo(60);
    assertThat(metadata.ingest().snippets()).containsEntry("full", 32).containsEntry("st", 16);
  }

  @Test
  void ingestingTheSameVideoTwiceSkipsItAndForcingItGivesItANewIngestId() {
    TestVideos.lossless(dir.resolve(prefix + "same.mkv"), 30, 15, 64, 48);

    IngestSummary first = ingest(dir, null, false);
    awaitCommittedMetadata(prefix + "same");
    IngestSummary second = ingest(dir, null, false);
    assertThat(first.published()).hasSize(1);
    assertThat(second.published()).isEmpty();
    assertThat(second.skipped()).singleElement().extracting(IngestSummary.Outcome::reason).asString()
        .contains("already ingested");
    String firstId = videos().get(prefix + "same").ingest().ingestId();

    IngestSummary forced = ingest(dir, null, true);
    assertThat(forced.published()).hasSize(1);
    String latestId = videos().get(prefix + "same").ingest().ingestId();
    assertThat(latestId).isNotEqualTo(firstId);
    // Consumers keep the clips whose header names the latest ingest id: exactly one video's worth.
    long current = TopicSnapshot.read(bootstrap, TopicCatalog.clips("full").name()).stream()
        .filter(r -> key(r).equals(prefix + "same"))
        .filter(r -> latestId.equals(header(r, IngestProvenance.HEADER)))
        .count();
    assertThat(current).isEqualTo(FidelityPreset.CPU.full().snippets());
  }

  @Test
  void aVideoThatFailsHalfWayLeavesNothingForCommittedReaders() {
    Path good = TestVideos.h264(dir.resolve("source.mp4"), 150, 15, 96, 64);
    Path damaged = TestVideos.damaged(good, dir.resolve(prefix + "damaged.mp4"), 0.3, 0.8);
    try {
      Files.delete(good);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    IngestSummary summary = ingest(damaged, null, false);

    assertThat(summary.failed()).singleElement().extracting(IngestSummary.Outcome::reason).asString()
        .contains("could not be decoded");
    for (String fidelity : FIDELITIES) {
      assertThat(clipsByVideo(fidelity)).doesNotContainKey(prefix + "damaged");
    }
    assertThat(videos()).doesNotContainKey(prefix + "damaged");
  }

  @Test
  void cameraFilesAreIngestedAtEveryFidelityWhileACutOneIsRefusedSayingWhereItEnds() throws Exception {
    double[] steady = new double[90];
    java.util.Arrays.setAll(steady, i -> i / 30.0);
    // An edit list that ends before the last frame, as the phone .mov had.
    EditLists.present(TestVideos.camera(dir.resolve(prefix + "trimmed.mov"), TestVideos.H264_AAC_MOV, 30, 96, 64,
        steady, 3), 0, 2.95);
    double[] late = new double[90];
    java.util.Arrays.setAll(late, i -> i < 89 ? 0.033 + i / 30.0 : 3.1);
    TestVideos.camera(dir.resolve(prefix + "late.mp4"), TestVideos.H264_AAC_MP4, 1000, 96, 64, late, 3.2);
    Path whole = TestVideos.camera(Files.createDirectory(dir.resolve("whole")).resolve("cut.mkv"),
        TestVideos.H264_AAC_MKV, 30, 96, 64, steady, 3);
    byte[] bytes = Files.readAllBytes(whole);
    Files.write(dir.resolve(prefix + "cut.mkv"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    IngestSummary summary = ingest(dir, null, false);

    assertThat(summary.published()).extracting(IngestSummary.Published::videoId)
        .containsExactlyInAnyOrder(prefix + "trimmed", prefix + "late");
    assertThat(summary.failed()).singleElement().extracting(IngestSummary.Outcome::reason).asString()
        .matches("frames end at 1\\.\\d\\d s; the container says 3\\.00 s \\(truncated file\\)");
    for (String fidelity : FIDELITIES) {
      Map<String, List<ClipSnippet>> clips = clipsByVideo(fidelity);
      int snippets = FidelityPreset.CPU.fidelity(fidelity).snippets();
      assertThat(clips.get(prefix + "trimmed")).as(fidelity).hasSize(snippets);
      assertThat(clips.get(prefix + "late")).as(fidelity).hasSize(snippets);
      assertThat(clips).doesNotContainKey(prefix + "cut");
    }
    VideoMetadata trimmed = videos().get(prefix + "trimmed");
    assertThat(trimmed.frameCount()).isEqualTo(89);
    assertThat(trimmed.durationSeconds()).isCloseTo(89 / 30.0, org.assertj.core.api.Assertions.within(0.002));
  }

  @Test
  void groundTruthIsPublishedBesideItsVideoWithTheProbedDuration() {
    TestVideos.lossless(dir.resolve(prefix + "gt.mkv"), 45, 15, 64, 48);
    Path file = dir.resolve("gt.json");
    GroundTruth truth = new GroundTruth(prefix + "gt", "validation", OptionalDouble.empty(),
        List.of(new GroundTruth.Entry(new GroundTruthSegment("wave", 0.5, 2.0), file, "line 1")), List.of());
    GroundTruth withoutFile = new GroundTruth(prefix + "nofile", "training", OptionalDouble.of(9.0),
        List.of(new GroundTruth.Entry(new GroundTruthSegment("wave", 1.0, 2.0), file, "line 2")), List.of());
    AnnotationSet annotations = new AnnotationSet(Map.of(prefix + "gt", truth, prefix + "nofile", withoutFile), List.of());

    IngestSummary summary = ingest(dir, annotations, false);

    assertThat(summary.published()).singleElement().extracting(IngestSummary.Published::annotated).isEqualTo(true);
    assertThat(summary.annotatedWithoutVideo()).containsExactly(prefix + "nofile");
    assertThat(videos().get(prefix + "gt").subset()).isEqualTo("validation");
    VideoAnnotations published = TopicSnapshot.read(bootstrap, TopicCatalog.ANNOTATIONS.name()).stream()
        .filter(r -> key(r).equals(prefix + "gt"))
        .map(r -> RecordSerdes.videoAnnotations().decode(r.value()))
        .findFirst().orElseThrow();
    assertThat(published.durationSeconds()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(0.01));
    assertThat(published.annotations()).containsExactly(new GroundTruthSegment("wave", 0.5, 2.0));
  }

  @Test
  void aBadEntryAmongGoodOnesIsNamedAndLeftOutWhileItsVideoIsPublishedWithTheOthers() throws Exception {
    // ActivityNet's JSON drops the v_ of its file names: the record is keyed by the file's id all the same.
    Path video = TestVideos.lossless(dir.resolve("v_" + prefix + "half.mkv"), 45, 15, 64, 48);
    String videoId = VideoFiles.videoId(video);
    Path file = annotationFile("half", "training", "[0.5, 1.0]", "[2.0, 1.5]", "[2.0, 2.5]");
    Heard heard = new Heard();

    IngestSummary summary = ingest(video, ActivityNetFormat.read(file), false, heard);

    AnnotationProblem bad = new AnnotationProblem(file, prefix + "half",
        "database." + prefix + "half.annotations[1].segment", "end 1.5 is not after start 2.0");
    assertThat(heard.problems).containsExactly(videoId + " kept: " + bad);
    assertThat(summary.annotationProblems()).containsExactly(new IngestSummary.LeftOut(bad, true));
    assertThat(summary.succeeded()).isFalse();
    assertThat(summary.published()).hasSize(1);
    VideoAnnotations published = summary.published().get(0).truth();
    assertThat(published.annotations())
        .containsExactly(new GroundTruthSegment("wave", 0.5, 1.0), new GroundTruthSegment("wave", 2.0, 2.5));
    await("ground truth of " + videoId, () -> published.equals(latestAnnotations(videoId)));
  }

  @Test
  void aThumosSegmentStartingAfterItsVideosEndIsNamedAndLeftOutWhileTheVideoAndTheNextOneArePublished()
      throws Exception {
    Path videos = Files.createDirectory(dir.resolve("videos"));
    Path shorter = TestVideos.lossless(videos.resolve(prefix + "a.mkv"), 45, 15, 64, 48);
    Path next = TestVideos.lossless(videos.resolve(prefix + "b.mkv"), 45, 15, 64, 48);
    String a = VideoFiles.videoId(shorter);
    String b = VideoFiles.videoId(next);
    Path thumos = Files.createDirectory(dir.resolve("thumos"));
    // The 3 s video's second line lies past its end; its third ends past it and is clipped.
    Path file = Files.writeString(thumos.resolve("Wave_val.txt"),
        a + " 0.5 1.0\n" + a + " 812.4 815.0\n" + a + " 2.0 3.5\n" + b + " 1.0 2.0\n");
    Heard heard = new Heard();

    IngestSummary summary = ingest(videos, Thumos14Format.read(thumos), false, heard);

    assertThat(summary.published()).extracting(IngestSummary.Published::videoId).containsExactly(a, b);
    assertThat(summary.failed()).isEmpty();
    assertThat(summary.annotationProblems()).singleElement().satisfies(leftOut -> {
      assertThat(leftOut.videoKept()).isTrue();
      assertThat(leftOut.problem()).extracting(AnnotationProblem::file, AnnotationProblem::videoId,
          AnnotationProblem::location).containsExactly(file, a, "line 2");
      assertThat(leftOut.problem().reason()).matches(
          "segment 812\\.4-815 s starts at or after the video's end at [23][.\\d]* s \\(its decoded duration\\)");
      assertThat(heard.problems).containsExactly(a + " kept: " + leftOut.problem());
    });
    assertThat(summary.succeeded()).isFalse();
    VideoAnnotations truthOfA = summary.published().get(0).truth();
    assertThat(truthOfA.annotations()).extracting(GroundTruthSegment::start).containsExactly(0.5, 2.0);
    assertThat(truthOfA.annotations().get(1).end()).isEqualTo(truthOfA.durationSeconds());
    assertThat(summary.published().get(1).truth().annotations())
        .containsExactly(new GroundTruthSegment("Wave", 1.0, 2.0));
    await("ground truth of " + b, () -> summary.published().get(1).truth().equals(latestAnnotations(b)));
    assertThat(latestAnnotations(a)).isEqualTo(truthOfA);
    assertThat(clipsByVideo("full").get(b)).hasSize(FidelityPreset.CPU.full().snippets());
  }

  @Test
  void anActivityNetVideoWhoseEveryEntryStartsAfterItsEndIsPublishedWithoutGroundTruthAndTheRunGoesOn()
      throws Exception {
    Path videos = Files.createDirectory(dir.resolve("videos"));
    String a = VideoFiles.videoId(TestVideos.lossless(videos.resolve(prefix + "a.mkv"), 45, 15, 64, 48));
    String b = VideoFiles.videoId(TestVideos.lossless(videos.resolve(prefix + "b.mkv"), 45, 15, 64, 48));
    String c = VideoFiles.videoId(TestVideos.lossless(videos.resolve(prefix + "c.mkv"), 45, 15, 64, 48));
    // No durations: the 3 s the decoder measures is the end each segment is held against.
    Path file = Files.writeString(dir.resolve("no-durations.json"), "{\"database\": {"
        + undatedVideo(a, "training", "[0.5, 1.0]", "[812.4, 815.0]") + ", "
        + undatedVideo(b, "training", "[10, 11]") + ", " + undatedVideo(c, "validation", "[1, 2]") + "}}");
    Heard heard = new Heard();

    IngestSummary summary = ingest(videos, ActivityNetFormat.read(file), false, heard);

    assertThat(summary.published()).extracting(IngestSummary.Published::videoId).containsExactly(a, b, c);
    assertThat(summary.published()).extracting(IngestSummary.Published::annotated)
        .containsExactly(true, false, true);
    assertThat(summary.published().get(0).truth().annotations())
        .containsExactly(new GroundTruthSegment("wave", 0.5, 1.0));
    assertThat(summary.annotationProblems()).extracting(leftOut -> leftOut.problem().location(),
            IngestSummary.LeftOut::videoKept)
        .containsExactly(tuple("database." + a + ".annotations[1].segment", true),
            tuple("database." + b + ".annotations[0].segment", false));
    assertThat(heard.problems).hasSize(2);
    assertThat(heard.problems.get(1)).startsWith(b + " left out: " + file + ": database." + b
        + ".annotations[0].segment: segment 10-11 s starts at or after the video's end at ");
    await("metadata of " + c, () -> videos().containsKey(c));
    assertThat(videos().get(b).subset()).isNull();
    assertThat(latestAnnotations(b)).isNull();
    assertThat(latestAnnotations(c).annotations()).containsExactly(new GroundTruthSegment("wave", 1.0, 2.0));
  }

  @Test
  void reIngestingACorrectedFilePublishesOnlyTheNewGroundTruthAndTheSameFileAgainPublishesNothing()
      throws Exception {
    Path video = TestVideos.lossless(dir.resolve(prefix + "fix.mkv"), 45, 15, 64, 48);
    String videoId = VideoFiles.videoId(video);
    ingest(video, ActivityNetFormat.read(annotationFile("fix", "training", "[0.5, 1.0]", "[2.0, 1.5]")), false);
    awaitCommittedMetadata(videoId);
    await("ground truth of " + videoId, () -> latestAnnotations(videoId) != null);
    Map<String, Long> clipsBefore = clipRecordsPerFidelity(videoId);
    long metadataBefore = records(TopicCatalog.VIDEOS.name(), videoId);
    Path corrected = annotationFile("fix", "training", "[0.5, 1.0]", "[1.5, 2.0]", "[2.2, 2.9]");
    Heard heard = new Heard();

    IngestSummary update = ingest(video, ActivityNetFormat.read(corrected), false, heard);

    assertThat(update.published()).isEmpty();
    assertThat(update.succeeded()).isTrue();
    IngestSummary.GroundTruthUpdate updated = update.groundTruthUpdated().get(0);
    assertThat(heard.updates).containsExactlyElementsOf(update.groundTruthUpdated());
    assertThat(updated.previous().annotations()).hasSize(1);
    assertThat(updated.truth().annotations()).hasSize(3);
    assertThat(updated.subsetChanged()).isFalse();
    await("new ground truth of " + videoId, () -> latestAnnotations(videoId).annotations().size() == 3);
    assertThat(latestAnnotations(videoId)).isEqualTo(updated.truth());
    assertThat(clipRecordsPerFidelity(videoId)).isEqualTo(clipsBefore);
    assertThat(records(TopicCatalog.VIDEOS.name(), videoId)).isEqualTo(metadataBefore);

    long annotationsBefore = records(TopicCatalog.ANNOTATIONS.name(), videoId);
    IngestSummary again = ingest(video, ActivityNetFormat.read(corrected), false);

    assertThat(again.published()).isEmpty();
    assertThat(again.groundTruthUpdated()).isEmpty();
    assertThat(again.skipped()).singleElement().extracting(IngestSummary.Outcome::reason).asString()
        .contains("already ingested with the same content, sampling and ground truth");
    assertThat(records(TopicCatalog.ANNOTATIONS.name(), videoId)).isEqualTo(annotationsBefore);
    assertThat(clipRecordsPerFidelity(videoId)).isEqualTo(clipsBefore);
  }

  @Test
  void groundTruthGivenAfterTheVideoComesWithItsSubsetInTheMetadataUnderTheSameIngestId() throws Exception {
    Path video = TestVideos.lossless(dir.resolve(prefix + "late.mkv"), 45, 15, 64, 48);
    String videoId = VideoFiles.videoId(video);
    ingest(video, null, false);
    awaitCommittedMetadata(videoId);
    VideoMetadata before = videos().get(videoId);
    Map<String, Long> clipsBefore = clipRecordsPerFidelity(videoId);
    Path annotations = annotationFile("late", "validation", "[1, 2]");

    IngestSummary update = ingest(video, ActivityNetFormat.read(annotations), false);

    assertThat(update.groundTruthUpdated()).singleElement().satisfies(updated -> {
      assertThat(updated.previous()).isNull();
      assertThat(updated.subsetChanged()).isTrue();
    });
    await("new metadata of " + videoId, () -> videos().get(videoId).subset() != null);
    VideoMetadata after = videos().get(videoId);
    assertThat(before.subset()).isNull();
    assertThat(after.subset()).isEqualTo("validation");
    assertThat(after.ingest()).isEqualTo(before.ingest());
    assertThat(clipRecordsPerFidelity(videoId)).isEqualTo(clipsBefore);
  }

  /** What a listener heard of ground truth: updates, and problems as "VIDEO kept|left out: PROBLEM". */
  private static final class Heard implements IngestListener {
    final List<IngestSummary.GroundTruthUpdate> updates = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    @Override
    public void groundTruthUpdated(IngestSummary.GroundTruthUpdate update) {
      updates.add(update);
    }

    @Override
    public void annotationProblems(String videoId, List<AnnotationProblem> found, boolean videoKept) {
      found.forEach(problem -> problems.add(videoId + (videoKept ? " kept: " : " left out: ") + problem));
    }
  }

  /** An ActivityNet file with one video, {@code prefix + name}, of 3 s whose actions are all "wave". */
  private Path annotationFile(String name, String subset, String... segments) throws java.io.IOException {
    String annotations = waves(segments);
    Path file = dir.resolve(name + "-" + UUID.randomUUID() + ".json");
    Files.writeString(file, "{\"database\": {\"" + prefix + name + "\": {\"subset\": \"" + subset
        + "\", \"duration\": 3.0, \"annotations\": [" + annotations + "]}}}");
    return file;
  }

  /** An ActivityNet video entry {@code "id": {...}} without a duration, whose actions are all "wave". */
  private static String undatedVideo(String id, String subset, String... segments) {
    return "\"" + id + "\": {\"subset\": \"" + subset + "\", \"annotations\": [" + waves(segments) + "]}";
  }

  /** ActivityNet annotations of the action "wave" at each {@code [start, end]} of {@code segments}. */
  private static String waves(String... segments) {
    return java.util.Arrays.stream(segments)
        .map(segment -> "{\"segment\": " + segment + ", \"label\": \"wave\"}")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * A commit returns before the broker has written its markers into every partition; until then
   * committed readers (the next ingest's duplicate check among them) do not see the video yet.
   */
  private void awaitCommittedMetadata(String videoId) {
    await("metadata of " + videoId, () -> videos().containsKey(videoId));
  }

  private static void await(String what, java.util.function.BooleanSupplier visible) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!visible.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " visible in time").isLessThan(deadline);
    }
  }

  private IngestSummary ingest(Path path, AnnotationSet annotations, boolean force) {
    return ingest(path, annotations, force, new IngestListener() { });
  }

  private IngestSummary ingest(Path path, AnnotationSet annotations, boolean force, IngestListener listener) {
    IngestSettings settings = new IngestSettings(FidelityPreset.CPU, FIDELITIES, annotations, force);
    return new FileIngest(bootstrap, settings, listener).run(path);
  }

  /** The latest ground truth of a video on the topic, or null. */
  private VideoAnnotations latestAnnotations(String videoId) {
    VideoAnnotations latest = null;
    for (ConsumerRecord<byte[], byte[]> r : TopicSnapshot.read(bootstrap, TopicCatalog.ANNOTATIONS.name())) {
      if (key(r).equals(videoId)) {
        latest = RecordSerdes.videoAnnotations().decode(r.value());
      }
    }
    return latest;
  }

  private Map<String, Long> clipRecordsPerFidelity(String videoId) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    FIDELITIES.forEach(f -> counts.put(f, records(TopicCatalog.clips(f).name(), videoId)));
    return counts;
  }

  private long records(String topic, String videoId) {
    return TopicSnapshot.read(bootstrap, topic).stream().filter(r -> key(r).equals(videoId)).count();
  }

  private Map<String, List<ClipSnippet>> clipsByVideo(String fidelity) {
    return TopicSnapshot.read(bootstrap, TopicCatalog.clips(fidelity).name()).stream()
        .filter(r -> key(r).startsWith(prefix))
        .map(r -> RecordSerdes.clipSnippet().decode(r.value()))
        .collect(java.util.stream.Collectors.groupingBy(ClipSnippet::videoId));
  }

  private Map<String, VideoMetadata> videos() {
    Map<String, VideoMetadata> latest = new java.util.HashMap<>();
    TopicSnapshot.read(bootstrap, TopicCatalog.VIDEOS.name()).stream()
        .filter(r -> key(r).contains(prefix))
        .forEach(r -> latest.put(key(r), RecordSerdes.videoMetadata().decode(r.value())));
    return latest;
  }

  private static String key(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
