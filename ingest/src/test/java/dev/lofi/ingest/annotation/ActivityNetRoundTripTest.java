package dev.lofi.ingest.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ActivityNetRoundTripTest {

  @Property(tries = 200)
  void anyVideosWrittenAreReadBackUnchanged(@ForAll("videoLists") List<VideoAnnotations> videos)
      throws IOException {
    // jqwik has no @TempDir; surefire points java.io.tmpdir into target/.
    Path file = Files.createTempFile("activitynet", ".json");
    try {
      ActivityNetFormat.write(file, videos);
      AnnotationSet read = ActivityNetFormat.read(file);

      assertThat(read.problems()).isEmpty();
      // The probe is ignored: every written video carries its duration.
      assertThat(read.videos().values()).map(video -> video.fit(video.videoId(), 1.0).record())
          .containsExactlyElementsOf(videos);
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<List<VideoAnnotations>> videoLists() {
    return videos().list().ofMaxSize(8).uniqueElements(VideoAnnotations::videoId);
  }

  /** Text as ids and labels may hold it: JSON's escapes, paths' dots and brackets, non-ASCII. */
  private static Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars("éüßΩ漢字\t\n\\\"")
        .ofMinLength(1).ofMaxLength(16).filter(text -> !text.isBlank());
  }

  private static Arbitrary<VideoAnnotations> videos() {
    Arbitrary<String> subsets = Arbitraries.of("training", "validation", "test").injectNull(0.2);
    Arbitrary<Double> durations = Arbitraries.doubles().between(0.001, 1e5).ofScale(6);
    return Combinators.combine(texts(), subsets, durations).flatAs((id, subset, duration) ->
        segments(duration).list().ofMaxSize(5).map(segments -> new VideoAnnotations(id, subset, duration, segments)));
  }

  /** Segments inside {@code [0, duration]}, so that reading has nothing to clip. */
  private static Arbitrary<GroundTruthSegment> segments(double duration) {
    Arbitrary<Double> startFractions = Arbitraries.doubles().between(0, 0.99);
    Arbitrary<Double> lengthFractions = Arbitraries.doubles().between(0.01, 1);
    return Combinators.combine(texts(), startFractions, lengthFractions).as((label, startFraction, lengthFraction) -> {
      double start = duration * startFraction;
      return new GroundTruthSegment(label, start, Math.min(duration, start + (duration - start) * lengthFraction));
    });
  }
}
