package dev.lofi.model.segment;

import java.util.Arrays;

/** Selection of the best scores, deterministic on ties (lower index first). */
public final class TopK {

  private TopK() {}

  /**
   * Indices of the at most {@code k} scores strictly above {@code threshold}, best first; equal
   * scores keep index order. NaN scores are never selected.
   */
  public static int[] indicesAbove(float[] scores, float threshold, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    int count = 0;
    for (float s : scores) {
      if (s > threshold) {
        count++;
      }
    }
    // Sort (score, index) keys packed into longs would lose float order for negatives; box instead:
    // candidate lists are small (a few thousand points x classes at most).
    Integer[] candidates = new Integer[count];
    int n = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > threshold) {
        candidates[n++] = i;
      }
    }
    Arrays.sort(candidates, (a, b) -> {
      int byScore = Float.compare(scores[b], scores[a]);
      return byScore != 0 ? byScore : Integer.compare(a, b);
    });
    int keep = Math.min(k, count);
    int[] out = new int[keep];
    for (int i = 0; i < keep; i++) {
      out[i] = candidates[i];
    }
    return out;
  }
}
