package dev.lofi.ingest.annotation;

/**
 * An annotation file that cannot be read at all (missing, not JSON, no {@code database}, not a
 * THUMOS14 directory). Its message is the {@link AnnotationProblem}'s text.
 */
public final class AnnotationFormatException extends RuntimeException {

  // Path is not Serializable; a deserialized exception still has its message.
  private final transient AnnotationProblem problem;

  AnnotationFormatException(AnnotationProblem problem) {
    this(problem, null);
  }

  AnnotationFormatException(AnnotationProblem problem, Throwable cause) {
    super(problem.toString(), cause);
    this.problem = problem;
  }

  /** Which file, where in it, and why it cannot be read. */
  public AnnotationProblem problem() {
    return problem;
  }
}
