package dev.lofi.model.head.gtad;

/**
 * The candidate segments of G-TAD's score map for a video of {@code L} snippets: every segment
 * that starts at the edge of snippet {@code t} and lasts {@code d} whole snippets, up to a longest
 * duration, as a map {@code [M, L]} whose cell {@code (d - 1, t)} is that segment; a cell with
 * {@code t + d > L} reaches past the video and is no candidate. Coordinates here are snippet
 * edges: the video spans {@code [0, L]}.
 */
final class AnchorGrid {

  private final int snippets;
  private final int durations;

  /**
   * @param snippets {@code L >= 1}
   * @param longest the longest duration in snippets; 0 or more than {@code L} means {@code L}
   */
  AnchorGrid(int snippets, int longest) {
    if (snippets < 1) {
      throw new IllegalArgumentException("snippets must be >= 1, got " + snippets);
    }
    this.snippets = snippets;
    this.durations = longest <= 0 ? snippets : Math.min(longest, snippets);
  }

  /** {@code L}. */
  int snippets() {
    return snippets;
  }

  /** {@code M}, the map's rows: the longest candidate. */
  int durations() {
    return durations;
  }

  /** {@code M x L}: cells of the map, candidates or not. */
  int cells() {
    return durations * snippets;
  }

  /** The first snippet of a cell's segment. */
  int start(int cell) {
    return cell % snippets;
  }

  /** The snippets a cell's segment lasts. */
  int duration(int cell) {
    return cell / snippets + 1;
  }

  /** The snippet after a cell's segment: its end edge. */
  int end(int cell) {
    return start(cell) + duration(cell);
  }

  /** Whether a cell's segment lies inside the video. */
  boolean inside(int cell) {
    return end(cell) <= snippets;
  }

  /**
   * SGAlign's sampling of a sequence {@code [L]} for every cell: {@code samples} points at the
   * centres of equal parts of the cell's segment, each read by linear interpolation between the
   * two snippets around it (snippet {@code i} stands at position {@code i + 0.5}). Order: cell, then
   * sample; a cell outside the video reads nothing (weights 0).
   */
  Sampling sampling(int samples) {
    int size = cells() * samples;
    int[] lower = new int[size];
    int[] upper = new int[size];
    float[] lowerWeight = new float[size];
    float[] upperWeight = new float[size];
    for (int cell = 0; cell < cells(); cell++) {
      if (!inside(cell)) {
        continue;
      }
      for (int s = 0; s < samples; s++) {
        int i = cell * samples + s;
        double edge = start(cell) + (s + 0.5) * duration(cell) / samples;
        double position = Math.min(Math.max(edge - 0.5, 0), snippets - 1);   // on snippet centres
        lower[i] = (int) Math.floor(position);
        upper[i] = Math.min(lower[i] + 1, snippets - 1);
        upperWeight[i] = (float) (position - lower[i]);
        lowerWeight[i] = 1 - upperWeight[i];
      }
    }
    return new Sampling(samples, lower, upper, lowerWeight, upperWeight);
  }

  /**
   * Linear interpolation of {@code samples} points per cell.
   *
   * @param lower the snippet below each point, cell-major
   * @param upper the snippet above it
   * @param lowerWeight the weight of {@code lower}; 0 with {@code upperWeight} for cells outside the video
   * @param upperWeight the weight of {@code upper}
   */
  record Sampling(int samples, int[] lower, int[] upper, float[] lowerWeight, float[] upperWeight) {}
}
