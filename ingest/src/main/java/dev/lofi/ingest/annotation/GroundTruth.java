package dev.lofi.ingest.annotation;

import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One video's ground truth as an annotation file gives it.
 *
 * @param videoId the video id as the file writes it (ActivityNet's JSON drops the {@code v_} of
 *     its file names; see {@link AnnotationSet#find})
 * @param subset the split, such as {@code training}, {@code validation} or {@code test}; null if the
 *     file names none
 * @param duration seconds, finite and positive; empty where the format carries none (THUMOS14)
 * @param entries the actions, in file order, each with where the file writes it; none ends after
 *     {@code duration}
 * @param ambiguous regions where evaluation ignores detections (THUMOS14's {@code Ambiguous}
 *     files); empty for ActivityNet
 */
public record GroundTruth(
    String videoId, String subset, OptionalDouble duration, List<Entry> entries, List<TimeSpan> ambiguous) {

  public GroundTruth {
    Objects.requireNonNull(videoId, "videoId must not be null");
    if (videoId.isBlank()) {
      throw new IllegalArgumentException("videoId must not be blank, got '" + videoId + "'");
    }
    Objects.requireNonNull(duration, "duration must not be null; OptionalDouble.empty() when unknown");
    if (duration.isPresent() && !(Double.isFinite(duration.getAsDouble()) && duration.getAsDouble() > 0)) {
      throw new IllegalArgumentException("duration must be finite and > 0, got " + duration.getAsDouble());
    }
    entries = List.copyOf(Objects.requireNonNull(entries, "entries must not be null"));
    ambiguous = List.copyOf(Objects.requireNonNull(ambiguous, "ambiguous must not be null"));
    if (duration.isPresent()) {
      for (Entry entry : entries) {
        GroundTruthSegment segment = entry.segment();
        if (segment.end() > duration.getAsDouble()) {
          throw new IllegalArgumentException(videoId + ": segment [" + segment.start() + ", " + segment.end()
              + "] ends after the duration " + duration.getAsDouble());
        }
      }
    }
  }

  /**
   * One action and where the annotation file writes it, so that a problem found later, against the
   * decoded video, can name it as a problem found reading would.
   *
   * @param file the annotation file: the ActivityNet JSON, or the THUMOS14 class file
   * @param location where the file writes the segment: {@code line 12}, or a JSON field path such as
   *     {@code database.abc.annotations[2].segment}
   */
  public record Entry(GroundTruthSegment segment, Path file, String location) {

    public Entry {
      Objects.requireNonNull(segment, "segment must not be null");
      Objects.requireNonNull(file, "file must not be null");
      Objects.requireNonNull(location, "location must not be null");
    }
  }

  /**
   * The ground truth to publish for a video, and the entries left out to fit its decoded duration.
   *
   * @param record the record for {@code lofi.annotations}; null where the video had entries and
   *     none is left, as a video none of whose entries is good is left out of its file: an empty
   *     list would say the video holds no action
   * @param leftOut one problem per entry left out, in file order
   */
  public record Fitted(VideoAnnotations record, List<AnnotationProblem> leftOut) {

    public Fitted {
      leftOut = List.copyOf(leftOut);
    }
  }

  /** The actions, in file order. */
  public List<GroundTruthSegment> segments() {
    return entries.stream().map(Entry::segment).toList();
  }

  /**
   * This ground truth fitted to the video file of id {@code fileVideoId}, which decodes to
   * {@code probedSeconds}. The record is keyed by that id, the key of {@code lofi.videos} and
   * {@code lofi.annotations}, which may differ from this entry's id by ActivityNet's {@code v_}
   * prefix (see {@link AnnotationSet#find}). Its duration is the file's when the file has one (the
   * segments were annotated against it), otherwise {@code probedSeconds}; segment ends past that
   * duration are clipped to it, and a segment starting at or after it is left out and named: the
   * video is shorter than its annotations say, and its other entries still hold.
   *
   * @throws IllegalArgumentException if {@code probedSeconds} is not a positive duration
   */
  public Fitted fit(String fileVideoId, double probedSeconds) {
    if (!(Double.isFinite(probedSeconds) && probedSeconds > 0)) {
      throw new IllegalArgumentException("probedSeconds must be finite and > 0, got " + probedSeconds);
    }
    // Only the probed duration leaves entries out: every end lies within the file's own already.
    double seconds = duration.orElse(probedSeconds);
    List<GroundTruthSegment> kept = new ArrayList<>(entries.size());
    List<AnnotationProblem> leftOut = new ArrayList<>();
    for (Entry entry : entries) {
      GroundTruthSegment segment = entry.segment();
      clipped(segment, seconds).ifPresentOrElse(kept::add, () -> leftOut.add(new AnnotationProblem(entry.file(),
          videoId, entry.location(), "segment " + shown(segment.start()) + "-" + shown(segment.end())
              + " s starts at or after the video's end at " + shown(seconds) + " s (its decoded duration)")));
    }
    boolean noneLeft = kept.isEmpty() && !entries.isEmpty();
    return new Fitted(noneLeft ? null : new VideoAnnotations(fileVideoId, subset, seconds, kept), leftOut);
  }

  /**
   * {@code segment} with its end clipped to {@code seconds}: ActivityNet has ends a little past
   * their video's duration, a rounding of the annotation tool rather than a wrong label. Empty
   * where the segment starts at or after {@code seconds}: nothing of it lies in the video.
   */
  static Optional<GroundTruthSegment> clipped(GroundTruthSegment segment, double seconds) {
    if (segment.start() >= seconds) {
      return Optional.empty();
    }
    return Optional.of(segment.end() <= seconds
        ? segment : new GroundTruthSegment(segment.label(), segment.start(), seconds));
  }

  /** Seconds to the millisecond, as a decoded duration such as 2.9666666666666668 is best read. */
  private static String shown(double seconds) {
    return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
