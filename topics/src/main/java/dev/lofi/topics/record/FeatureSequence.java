package dev.lofi.topics.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * The full-fidelity feature sequence of one video: {@code snippetCount x dim} floats, row-major
 * {@code [L, D]}. The values array is shared, not copied; treat it as read-only.
 *
 * @param videoId the video id; may be empty
 * @param modelVersion {@code model@version} of the checkpoint the extracting encoder comes from (a head
 *     checkpoint's encoder is its source's)
 * @param durationSeconds media duration of the video
 * @param snippetCount L, one row per snippet
 * @param dim D, features per snippet
 * @param values {@code L*D} finite values
 */
public record FeatureSequence(
    String videoId, String modelVersion, double durationSeconds, int snippetCount, int dim, float[] values) {

  /**
   * Header on a features record: the {@code model@version} of the checkpoint whose encoder extracted
   * it (UTF-8). With {@link #FIDELITY_HEADER} and the clips' {@link IngestProvenance#HEADER} it
   * says what the features were computed from without decoding them.
   */
  public static final String ENCODER_HEADER = "lofi.features.encoder";
  /** Header on a features record: the fidelity of the clips it was extracted from (UTF-8). */
  public static final String FIDELITY_HEADER = "lofi.features.fidelity";

  public FeatureSequence {
    Require.nonNull("videoId", videoId);
    Require.nonBlank("modelVersion", modelVersion);
    Require.positive("durationSeconds", durationSeconds);
    int count = valueCount(snippetCount, dim);
    Require.nonNull("values", values);
    if (values.length != count) {
      throw new IllegalArgumentException("values must hold snippetCount x dim = " + snippetCount + "x" + dim
          + " = " + count + " floats, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException("values[" + i + "] (snippet " + i / dim + ", feature " + i % dim
            + ") must be finite, got " + values[i]);
      }
    }
  }

  /**
   * {@code snippetCount * dim}, checked.
   *
   * @throws IllegalArgumentException if either is below 1 or the product exceeds an array
   */
  public static int valueCount(int snippetCount, int dim) {
    Require.atLeast("snippetCount", snippetCount, 1);
    Require.atLeast("dim", dim, 1);
    long count = (long) snippetCount * dim;
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "snippetCount x dim = " + snippetCount + "x" + dim + " exceeds the largest array");
    }
    return (int) count;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeatureSequence that
        && Double.compare(durationSeconds, that.durationSeconds) == 0
        && snippetCount == that.snippetCount
        && dim == that.dim
        && videoId.equals(that.videoId)
        && modelVersion.equals(that.modelVersion)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(videoId, modelVersion, durationSeconds, snippetCount, dim) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FeatureSequence[videoId=" + videoId + ", modelVersion=" + modelVersion
        + ", durationSeconds=" + durationSeconds + ", shape=" + snippetCount + "x" + dim + "]";
  }
}
