package dev.lofi.topics.record;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Arbitrary valid values of every record type, for the round-trip and corruption properties. */
final class ArbitraryRecords {

  private ArbitraryRecords() {}

  /** Ids as Kafka keys may hold them: empty, ASCII, accented, CJK and astral-plane characters. */
  static Arbitrary<String> ids() {
    Arbitrary<String> plain = Arbitraries.strings()
        .withCharRange('a', 'z').withCharRange('0', '9').withChars("-_. /:éüßΩ漢字")
        .ofMaxLength(24);
    Arbitrary<String> astral = Arbitraries.of("🎬", "😀", "𝄞").list().ofMaxSize(2).map(s -> String.join("", s));
    return Combinators.combine(plain, astral).as(String::concat);
  }

  static Arbitrary<String> names() {
    return ids().filter(s -> !s.isBlank());
  }

  static Arbitrary<String> modelNames() {
    return names().filter(s -> s.indexOf('/') < 0);
  }

  /**
   * Arrays filled from a generated seed: generating each element would make large payloads slow,
   * and their contents matter only as bytes to carry unchanged.
   */
  static Arbitrary<byte[]> bytes(int length) {
    return Arbitraries.longs().map(seed -> {
      byte[] bytes = new byte[length];
      new Random(seed).nextBytes(bytes);
      return bytes;
    });
  }

  private static Arbitrary<float[]> floats(int length) {
    return Arbitraries.longs().map(seed -> {
      Random random = new Random(seed);
      float[] values = new float[length];
      for (int i = 0; i < length; i++) {
        // Mostly ordinary features, now and then the extremes of the float range.
        values[i] = random.nextInt(16) == 0
            ? Float.MAX_VALUE * (random.nextFloat() * 2 - 1)
            : (float) random.nextGaussian();
      }
      return values;
    });
  }

  static Arbitrary<ClipSnippet> clipSnippets() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, videoSnippets(1, 8)),
        Tuple.of(1, videoSnippets(32, 96)),
        Tuple.of(1, endOfStreamMarkers()));
  }

  private record Header(String videoId, String fidelity, int[] position, double[] media, long capture,
      boolean discontinuity) {}

  private record Shape(int frames, int height, int width, int channels) {
    int bytes() {
      return frames * height * width * channels;
    }
  }

  private static Arbitrary<ClipSnippet> videoSnippets(int minSide, int maxSide) {
    Arbitrary<Header> headers = Combinators.combine(
            ids(), names(), positions(), mediaIntervals(), captureTimes(), Arbitraries.of(true, false))
        .as(Header::new);
    Arbitrary<Shape> shapes = Combinators.combine(
            Arbitraries.integers().between(1, 8),
            Arbitraries.integers().between(minSide, maxSide),
            Arbitraries.integers().between(minSide, maxSide),
            Arbitraries.integers().between(1, 3))
        .as(Shape::new);
    return Combinators.combine(headers, shapes).flatAs((h, s) ->
        bytes(s.bytes()).map(payload -> new ClipSnippet(
            h.videoId(), h.fidelity(), h.position()[0], h.position()[1], h.media()[0], h.media()[1],
            h.capture(), false, h.discontinuity(), s.frames(), s.height(), s.width(), s.channels(),
            DType.UINT8, payload)));
  }

  private static Arbitrary<ClipSnippet> endOfStreamMarkers() {
    return Combinators.combine(ids(), names(), Arbitraries.integers().between(0, 1_000_000),
            mediaTimes(), captureTimes())
        .as(ClipSnippet::endOfStreamMarker);
  }

  /** {index, count}: live (count unknown) or within a known count. */
  private static Arbitrary<int[]> positions() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 1_000_000).map(index -> new int[] {index, ClipSnippet.UNKNOWN_COUNT}),
        Arbitraries.integers().between(1, 10_000).flatMap(count ->
            Arbitraries.integers().between(0, count - 1).map(index -> new int[] {index, count})));
  }

  private static Arbitrary<Double> mediaTimes() {
    return Arbitraries.doubles().between(0, 1e5).ofScale(6);
  }

  /** {start, end} with start <= end. */
  private static Arbitrary<double[]> mediaIntervals() {
    return Combinators.combine(mediaTimes(), Arbitraries.doubles().between(0, 60).ofScale(6))
        .as((start, length) -> new double[] {start, start + length});
  }

  private static Arbitrary<Long> captureTimes() {
    return Arbitraries.oneOf(
        Arbitraries.just(ClipSnippet.NOT_LIVE), Arbitraries.longs().between(0, 4_102_444_800_000L));
  }

  private static Arbitrary<Double> positiveSeconds() {
    return Arbitraries.doubles().between(0.001, 1e5).ofScale(6);
  }

  static Arbitrary<FeatureSequence> featureSequences() {
    Arbitrary<Integer> lengths = Arbitraries.integers().between(1, 32);
    Arbitrary<Integer> dims = Arbitraries.integers().between(1, 16);
    return Combinators.combine(ids(), names(), positiveSeconds(), lengths, dims).flatAs((id, version, duration, l, d) ->
        floats(l * d).map(values -> new FeatureSequence(id, version, duration, l, d, values)));
  }

  static Arbitrary<CheckpointChunk> checkpointChunks() {
    return Combinators.combine(modelNames(), names(), Arbitraries.integers().between(1, 100),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
        .flatAs((model, version, count, bytes) -> Arbitraries.integers().between(0, count - 1)
            .map(index -> new CheckpointChunk(model, version, index, count, bytes)));
  }

  private record Training(String stage, int epoch, long step, Map<String, Object> config,
      Map<String, Double> metrics) {}

  static Arbitrary<CheckpointManifest> checkpointManifests() {
    Arbitrary<Object> configValues = Arbitraries.oneOf(
        Arbitraries.integers(),
        Arbitraries.doubles().between(-1e9, 1e9).ofScale(8),
        ids(),
        Arbitraries.of(true, false),
        Arbitraries.integers().between(-1000, 1000).list().ofMaxSize(4),
        Arbitraries.just(null));
    Arbitrary<Map<String, Object>> configs = Arbitraries.maps(ids(), configValues).ofMaxSize(6);
    Arbitrary<Map<String, Double>> metrics =
        Arbitraries.maps(names(), Arbitraries.doubles().between(-1e6, 1e6).ofScale(9)).ofMaxSize(4);
    Arbitrary<Training> training = Combinators.combine(names(), Arbitraries.integers().between(0, 1000),
            Arbitraries.longs().between(0, 1_000_000_000L), configs, metrics)
        .as(Training::new);
    Arbitrary<String> sha256 = Arbitraries.bytes().array(byte[].class).ofSize(32).map(HexFormat.of()::formatHex);
    return Combinators.combine(modelNames(), names(), training, sha256, Arbitraries.longs().between(0, 1L << 40),
            Arbitraries.integers().between(0, 10_000), instants())
        .as((model, version, t, sha, size, chunks, created) -> new CheckpointManifest(model, version, t.stage(),
            t.epoch(), t.step(), t.config(), t.metrics(), sha, size, chunks, created));
  }

  static Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 4_102_444_800L), Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  static Arbitrary<VideoMetadata> videoMetadata() {
    return Combinators.combine(ids(), names(), positiveSeconds(), Arbitraries.doubles().between(0.1, 240).ofScale(4),
            Arbitraries.integers().between(1, 8192), Arbitraries.integers().between(1, 8192),
            Arbitraries.oneOf(
                Arbitraries.just(VideoMetadata.UNKNOWN_FRAME_COUNT), Arbitraries.longs().between(0, 10_000_000)),
            subsets())
        .flatAs((id, source, duration, fps, width, height, frames, subset) -> ingestProvenance()
            .map(ingest -> new VideoMetadata(id, source, duration, fps, width, height, frames, subset, ingest)));
  }

  static Arbitrary<IngestProvenance> ingestProvenance() {
    return Combinators.combine(names(), Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
            Arbitraries.of("cpu", "paper"),
            Arbitraries.maps(Arbitraries.of("full", "s", "t", "st"), Arbitraries.integers().between(1, 200))
                .ofMinSize(1),
            instants())
        .as(IngestProvenance::new);
  }

  private static Arbitrary<String> subsets() {
    return Arbitraries.oneOf(Arbitraries.of("training", "validation", "testing"), ids()).injectNull(0.3);
  }

  static Arbitrary<GroundTruthSegment> groundTruthSegments() {
    return Combinators.combine(names(), mediaTimes(), Arbitraries.doubles().between(0.001, 100).ofScale(6))
        .as((label, start, length) -> new GroundTruthSegment(label, start, start + length));
  }

  static Arbitrary<VideoAnnotations> videoAnnotations() {
    return Combinators.combine(ids(), subsets(), positiveSeconds(), groundTruthSegments().list().ofMaxSize(5))
        .as(VideoAnnotations::new);
  }

  private record Measured(String fidelity, Double loss, Double learningRate, Double stepSeconds,
      Long peakBytes, Double averageMap, Double accuracy) {}

  private record Guarded(Double validationAccuracy, Double gradientNorm, Long skippedSteps) {}

  static Arbitrary<TrainerMetric> trainerMetrics() {
    Arbitrary<Measured> measured = Combinators.combine(
            names().injectNull(0.3),
            Arbitraries.doubles().between(-1e3, 1e3).ofScale(8).injectNull(0.3),
            Arbitraries.doubles().between(0, 1).ofScale(10).injectNull(0.3),
            Arbitraries.doubles().between(0, 1e3).ofScale(6).injectNull(0.3),
            Arbitraries.longs().between(0, 1L << 40).injectNull(0.3),
            Arbitraries.doubles().between(0, 1).ofScale(6).injectNull(0.3),
            Arbitraries.doubles().between(0, 1).ofScale(6).injectNull(0.3))
        .as(Measured::new);
    Arbitrary<Guarded> guarded = Combinators.combine(
            Arbitraries.doubles().between(0, 1).ofScale(6).injectNull(0.3),
            Arbitraries.doubles().between(0, 1e6).ofScale(6).injectNull(0.3),
            Arbitraries.longs().between(0, 1000).injectNull(0.3))
        .as(Guarded::new);
    return Combinators.combine(ids(), names(), Arbitraries.of(TrainerMetric.Kind.class),
            Arbitraries.integers().between(0, 1000), Arbitraries.longs().between(0, 1_000_000_000L), measured,
            guarded, instants())
        .as((run, stage, kind, epoch, step, m, g, time) -> new TrainerMetric(run, stage, kind, epoch, step,
            m.fidelity(), m.loss(), m.learningRate(), m.stepSeconds(), m.peakBytes(), m.averageMap(), m.accuracy(),
            g.validationAccuracy(), g.gradientNorm(), g.skippedSteps(), time));
  }

  static Arbitrary<ModelDecision> modelDecisions() {
    Arbitrary<Double> scores = Arbitraries.doubles().between(0, 1).ofScale(6).injectNull(0.3);
    Arbitrary<Double> tolerances = Arbitraries.doubles().between(0, 1).ofScale(4).injectNull(0.3);
    return Combinators.combine(modelNames(), Arbitraries.of(ModelDecision.Decision.class), names(),
            names().injectNull(0.3), scores, scores, tolerances, Combinators.combine(names(), instants())
                .as(Map::entry))
        .as((model, decision, candidate, serving, candidateScore, servingScore, tolerance, said) ->
            new ModelDecision(model, decision, candidate, serving, candidateScore, servingScore, tolerance,
                said.getKey(), said.getValue()));
  }

  /** Wall-clock side of a segment: start, end (null while opened, maybe) and latency. */
  private record Wall(Instant start, Instant end, long latencyMs) {}

  static Arbitrary<Segment> segments() {
    Arbitrary<Long> latencies = Arbitraries.longs().between(-100, 60_000);
    Arbitrary<Wall> closedWalls = Combinators.combine(instants(), Arbitraries.longs().between(0, 60_000), latencies)
        .as((start, length, latency) -> new Wall(start, start.plusMillis(length), latency));
    Arbitrary<Wall> openedWalls = Arbitraries.oneOf(closedWalls,
        Combinators.combine(instants(), latencies).as((start, latency) -> new Wall(start, null, latency)));
    Arbitrary<Segment> opened = Combinators.combine(ids(), names(), mediaTimes(),
            Arbitraries.doubles().between(0, 60).ofScale(6), scores(), names(), openedWalls)
        .as((stream, label, start, length, score, model, wall) -> new Segment(stream, Segment.Event.OPENED,
            label, start, start + length, score, model, wall.start(), wall.end(), wall.latencyMs()));
    Arbitrary<Segment> closed = Combinators.combine(ids(), names(), mediaTimes(),
            Arbitraries.doubles().between(0.001, 60).ofScale(6), scores(), names(), closedWalls)
        .as((stream, label, start, length, score, model, wall) -> new Segment(stream, Segment.Event.CLOSED,
            label, start, start + length, score, model, wall.start(), wall.end(), wall.latencyMs()));
    return Arbitraries.oneOf(opened, closed);
  }

  private static Arbitrary<Double> scores() {
    return Arbitraries.doubles().between(0, 1).ofScale(8);
  }
}
