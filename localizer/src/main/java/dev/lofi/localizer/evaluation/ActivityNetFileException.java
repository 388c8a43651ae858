package dev.lofi.localizer.evaluation;

import java.nio.file.Path;

/**
 * A ground-truth or prediction file that evaluation refuses: missing, not JSON, or a field that is
 * absent or of the wrong kind. The message names the file and the field, as in {@code
 * PRED.json: results.v1[3].segment: expected two numbers, got "a"}.
 */
public final class ActivityNetFileException extends RuntimeException {

  ActivityNetFileException(Path file, String field, String problem, Throwable cause) {
    super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
  }
}
