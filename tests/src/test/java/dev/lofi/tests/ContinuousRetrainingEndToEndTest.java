package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.ingest.encode.VideoWriter;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.topics.record.ModelDecision.Decision;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.Segment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous retraining through a real broker, every service as a process of its own: a live
 * localizer serves v1, trained by hand on red and green actions; a second batch of training videos
 * holding a class v1 never saw (blue) is ingested while it runs; the follower ({@code lofi train
 * --follow}) retrains, the gate promotes v2, and the localizer's segments switch to v2, blue among
 * them, with no restart. Then the training videos' ground truth is shuffled (every class renamed
 * to another) and the follower, restarted, retrains on it: the gate refuses the candidate and v2
 * keeps serving.
 */
class ContinuousRetrainingEndToEndTest {

  private static final Duration WAIT = Duration.ofMinutes(4);
  private static final String MODEL = "lofi-cpu";
  private static final int FPS = 15;
  private static final double VIDEO_SECONDS = 24;
  private static final double CAMERA_SECONDS = 48;
  private static final int WIDTH = 64;
  private static final int HEIGHT = 48;
  /** Where each class's action lies on the camera stream, seconds. */
  private static final double[] RED_ON_CAMERA = {6, 18};
  private static final double[] BLUE_ON_CAMERA = {28, 40};
  private static final Map<String, byte[]> COLOURS = Map.of("red", bgr(40, 40, 220), "green", bgr(40, 200, 40),
      "blue", bgr(220, 60, 40));
  private static final byte[] BACKGROUND = bgr(110, 110, 110);

  @TempDir
  static Path dir;

  private static KafkaTestCluster cluster;
  private static String bootstrap;

  @BeforeAll
  static void startBroker() {
    cluster = KafkaTestCluster.start();
    bootstrap = cluster.bootstrapServers();
  }

  @AfterAll
  static void stopBroker() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aFollowerPromotesANewModelWithANewClassThatTheRunningLocalizerServesAndRefusesAWorseOne() throws Exception {
    Map<String, String> training = new LinkedHashMap<>(Map.of("r1", "red", "r2", "red", "g1", "green", "g2", "green"));
    Path batch1 = videos("batch1", training);
    videos("batch1", Map.of("vr", "red", "vg", "green", "vb", "blue"));
    Path batch2 = videos("batch2", Map.of("b1", "blue", "b2", "blue"));
    Map<String, String> all = new LinkedHashMap<>(training);
    all.putAll(Map.of("b1", "blue", "b2", "blue"));
    Path truth = annotations("annotations.json", all);
    Path camera = camera();
    lofi("topics", "create");
    lofi("ingest", "--videos", batch1.toString(), "--annotations", truth.toString(), "--fidelities", "full");
    lofi("train", "--stage", "pretrain", "--epochs", "3", "--batch", "2");
    lofi("train", "--stage", "extract");
    lofi("train", "--stage", "head", "--epochs", "60", "--batch", "2");
    String v1 = servingVersion();

    int port = Http.freePort();
    try (LofiProcess localizer = LofiProcess.start(dir.resolve("localizer.log"), "localize", "live", "--bootstrap",
        bootstrap, "--state-dir", dir.resolve("state").toString(), "--threshold", "0.05", "--metrics-port",
        "" + port)) {
      Await.until("the localizer serving v1 (" + localizer.output() + ")", WAIT,
          () -> Http.get(port, "/health").contains(v1));
      List<Segment> first = stream(camera, "cam-1");
      assertThat(first).allSatisfy(s -> assertThat(s.model()).isEqualTo(v1));
      assertThat(labels(first)).as("v1 knows red and green only").doesNotContain("blue");
      assertThat(labelsOver(first, RED_ON_CAMERA)).contains("red");

      LofiProcess follower = follower("follower-1.log");
      String v2;
      double toServing;
      try {
        Await.until("the follower watching (" + follower.output() + ")", WAIT,
            () -> follower.output().contains("follow: " + v1 + " serves"));
        lofi("ingest", "--videos", batch2.toString(), "--annotations", truth.toString(), "--fidelities", "full");
        long lastVideo = System.nanoTime();
        ModelDecision promoted = awaitDecision(1, follower);
        assertThat(promoted.decision()).as(promoted.reason()).isEqualTo(Decision.PROMOTED);
        assertThat(promoted.serving()).isEqualTo(v1);
        v2 = MODEL + "@" + promoted.candidate().substring(promoted.candidate().indexOf('@') + 1);
        String serving = v2;
        Await.until("the localizer serving v2 (" + localizer.output() + ")", WAIT,
            () -> Http.get(port, "/health").contains(serving));
        toServing = (System.nanoTime() - lastVideo) / 1e9;
      } finally {
        follower.close();
        System.out.println(follower.output());
      }
      long streamed = System.nanoTime();
      List<Segment> second = stream(camera, "cam-2");
      double toSegments = toServing + (System.nanoTime() - streamed) / 1e9;
      assertThat(second).allSatisfy(s -> assertThat(s.model()).isEqualTo(v2));
      assertThat(labelsOver(second, BLUE_ON_CAMERA)).as("v2 finds the new class where it is").contains("blue");

      // Every class renamed to another: a candidate that learns this localizes the validation videos worse.
      Map<String, String> shuffled = new LinkedHashMap<>();
      Map<String, String> renamed = Map.of("red", "green", "green", "blue", "blue", "red");
      all.forEach((id, label) -> shuffled.put(id, renamed.get(label)));
      Path wrong = annotations("shuffled.json", shuffled);
      lofi("ingest", "--videos", batch1.toString(), "--annotations", wrong.toString(), "--fidelities", "full");
      lofi("ingest", "--videos", batch2.toString(), "--annotations", wrong.toString(), "--fidelities", "full");
      try (LofiProcess restarted = follower("follower-2.log")) {
        ModelDecision refused = awaitDecision(2, restarted);
        assertThat(refused.decision()).as(refused.reason()).isEqualTo(Decision.REFUSED);
        assertThat(refused.serving()).isEqualTo(v2);
        assertThat(refused.candidateScore()).isLessThan(refused.servingScore() - refused.tolerance());
        assertThat(restarted.output()).as("the restarted follower retrains once, on the changed footage only")
            .containsOnlyOnce("follow: retraining");
      }
      assertThat(servingVersion()).isEqualTo(v2);
      assertThat(Http.get(port, "/health")).contains(v2);
      assertThat(localizer.isAlive()).isTrue();
      System.out.printf(Locale.ROOT, "continuous retraining: last new video to v2 serving in the localizer %.1f s, "
          + "to its segments of the next stream %.1f s%n", toServing, toSegments);
      decisions().forEach(d -> System.out.println("decision: " + new String(RecordSerdes.modelDecision().encode(d),
          StandardCharsets.UTF_8)));
    }
  }

  private static LofiProcess follower(String log) throws IOException {
    return LofiProcess.start(dir.resolve(log), "train", "--bootstrap", bootstrap, "--stage", "head", "--follow",
        "--after-videos", "2", "--poll", "2s", "--epochs", "60", "--batch", "2");
  }

  /** The model's {@code count}th decision, once the follower has published it. */
  private static ModelDecision awaitDecision(int count, LofiProcess follower) {
    Await.until("decision " + count + " (" + follower.output() + ")", WAIT, () -> decisions().size() >= count);
    return decisions().get(count - 1);
  }

  private static List<ModelDecision> decisions() {
    return TopicSnapshot.read(bootstrap, TopicCatalog.MODEL_DECISIONS.name()).stream()
        .map(r -> RecordSerdes.modelDecision().decode(r.value())).toList();
  }

  private static String servingVersion() {
    LofiRun list = lofi("model", "list", "--model", MODEL);
    return list.out().lines().filter(line -> line.startsWith("  * ")).map(line -> line.substring(4).trim())
        .findFirst().map(version -> MODEL + "@" + version).orElseThrow(() -> new AssertionError(list.all()));
  }

  /** Streams {@code camera} live as {@code stream}; its closed segments once every opened one is closed. */
  private static List<Segment> stream(Path camera, String stream) {
    lofi("ingest", "--live", camera.toString(), "--stream", stream);
    Await.until("the segments of " + stream + " closed", WAIT, () -> {
      List<Segment> s = segments(stream);
      long opened = s.stream().filter(x -> x.event() == Segment.Event.OPENED).count();
      return opened > 0 && opened == s.stream().filter(x -> x.event() == Segment.Event.CLOSED).count();
    });
    List<Segment> closed = segments(stream).stream().filter(s -> s.event() == Segment.Event.CLOSED).toList();
    closed.forEach(s -> System.out.printf(Locale.ROOT, "%s: %s %.1f-%.1f %.3f by %s%n", stream, s.label(), s.start(),
        s.end(), s.score(), s.model()));
    return closed;
  }

  private static List<Segment> segments(String stream) {
    return TopicSnapshot.read(bootstrap, TopicCatalog.SEGMENTS.name()).stream()
        .filter(r -> stream.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .map(r -> RecordSerdes.segment().decode(r.value())).toList();
  }

  private static Set<String> labels(List<Segment> segments) {
    return segments.stream().map(Segment::label).collect(Collectors.toSet());
  }

  /** The labels of the segments that overlap {@code span}. */
  private static Set<String> labelsOver(List<Segment> segments, double[] span) {
    return labels(segments.stream().filter(s -> s.start() < span[1] && s.end() > span[0]).toList());
  }

  private static LofiRun lofi(String... args) {
    String[] withBootstrap = args[0].equals("ingest") || args[0].equals("train") || args[0].equals("topics")
        || args[0].equals("model") ? append(args, "--bootstrap", bootstrap) : args;
    LofiRun run = LofiRun.of(withBootstrap);
    assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.all()).isZero();
    return run;
  }

  private static String[] append(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  /** Videos of one action each, a quarter in, half the video long, in the class's colour; validation ones start with v. */
  private static Path videos(String name, Map<String, String> labels) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (Map.Entry<String, String> video : labels.entrySet()) {
      write(folder.resolve(video.getKey() + ".mp4"), VIDEO_SECONDS,
          Map.of(video.getValue(), new double[] {VIDEO_SECONDS / 4, VIDEO_SECONDS * 3 / 4}));
    }
    return folder;
  }

  private static Path camera() throws IOException {
    Path file = dir.resolve("camera.mp4");
    write(file, CAMERA_SECONDS, Map.of("red", RED_ON_CAMERA, "blue", BLUE_ON_CAMERA));
    return file;
  }

  /** ActivityNet ground truth of the training videos {@code labels} and of the validation videos v*. */
  private static Path annotations(String name, Map<String, String> labels) throws IOException {
    Map<String, String> validation = Map.of("vr", "red", "vg", "green", "vb", "blue");
    StringBuilder database = new StringBuilder();
    for (Map.Entry<String, String> video : concat(labels, validation).entrySet()) {
      String subset = validation.containsKey(video.getKey()) ? "validation" : "training";
      database.append(database.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
          "\"%s\": {\"subset\": \"%s\", \"duration\": %.1f, \"annotations\": [{\"segment\": [%.1f, %.1f], "
              + "\"label\": \"%s\"}]}", video.getKey(), subset, VIDEO_SECONDS, VIDEO_SECONDS / 4,
          VIDEO_SECONDS * 3 / 4, video.getValue()));
    }
    return Files.writeString(dir.resolve(name), "{\"database\": {" + database + "}}");
  }

  private static Map<String, String> concat(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new LinkedHashMap<>(a);
    all.putAll(b);
    return all;
  }

  /** A grey video with each class's colour filling the frame over its span. */
  private static void write(Path file, double seconds, Map<String, double[]> actions) throws IOException {
    try (VideoWriter writer = VideoWriter.open(file, VideoWriter.Format.H264_MP4, WIDTH, HEIGHT, FPS, 0)) {
      for (int f = 0; f < seconds * FPS; f++) {
        double t = (double) f / FPS;
        byte[] colour = actions.entrySet().stream().filter(a -> t >= a.getValue()[0] && t < a.getValue()[1])
            .map(a -> COLOURS.get(a.getKey())).findFirst().orElse(BACKGROUND);
        byte[] frame = new byte[WIDTH * HEIGHT * 3];
        for (int p = 0; p < frame.length; p++) {
          frame[p] = colour[p % 3];
        }
        writer.write(frame);
      }
    }
  }

  private static byte[] bgr(int b, int g, int r) {
    return new byte[] {(byte) b, (byte) g, (byte) r};
  }
}
