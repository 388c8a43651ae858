package dev.lofi.localizer.tracking;

/**
 * One snippet's feature, with where the snippet sits in the stream's media time and when it was
 * captured. The feature array is shared, not copied: treat it as read-only.
 *
 * @param index the snippet's position in its stream
 * @param mediaStart media time of its first frame, seconds
 * @param mediaEnd media time it ends at, seconds
 * @param captureEpochMillis wall-clock time its last frame was captured
 * @param feature D floats from the encoder
 */
public record SnippetFeature(int index, double mediaStart, double mediaEnd, long captureEpochMillis,
    float[] feature) {

  public SnippetFeature {
    if (!(mediaEnd >= mediaStart)) {
      throw new IllegalArgumentException("snippet " + index + " ends at " + mediaEnd + " before its start " + mediaStart);
    }
    if (feature.length == 0) {
      throw new IllegalArgumentException("snippet " + index + " has an empty feature");
    }
  }
}
