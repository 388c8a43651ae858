package dev.lofi.ingest.annotation;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong in an annotation file, and where: printed as {@code file: location: reason}.
 *
 * @param file the annotation file
 * @param videoId the video whose entry it is, as the file writes it; null for a problem of no one
 *     video, such as the file as a whole
 * @param location where in the file: {@code line 12}, {@code line 3, column 14}, or a JSON field
 *     path such as {@code database.v_abc.annotations[2].segment} (video, entry index and field);
 *     empty for the file as a whole
 * @param reason what is wrong, naming the offending value
 */
public record AnnotationProblem(Path file, String videoId, String location, String reason) {

  public AnnotationProblem {
    Objects.requireNonNull(file, "file must not be null");
    Objects.requireNonNull(location, "location must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank, got '" + reason + "'");
    }
  }

  /** A problem of no one video: the file as a whole, or a place in it before any video. */
  public AnnotationProblem(Path file, String location, String reason) {
    this(file, null, location, reason);
  }

  @Override
  public String toString() {
    return location.isEmpty() ? file + ": " + reason : file + ": " + location + ": " + reason;
  }
}
