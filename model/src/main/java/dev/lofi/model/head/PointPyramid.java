package dev.lofi.model.head;

/**
 * The points an anchor-free head predicts at, for {@code L} snippets and {@code N} pyramid levels.
 * Level {@code l} has stride {@code 2^l} and {@code ceil(L / 2^l)} points, at grid positions
 * {@code j 2^l} (see {@link dev.lofi.model.segment.VideoInfo}): a max-pool of kernel 3, stride 2
 * and padding 1 maps length {@code n} to {@code ceil(n / 2)} and centres output {@code j} on input
 * {@code 2j}, so any {@code L >= 1} works, no padding of the input needed. Points are numbered
 * level by level, finest first: the order of the head's outputs.
 *
 * <p>Each level regresses the actions whose larger distance from the point lies in its range (in
 * snippets of the finest grid), ActionFormer's scheme: {@code [0, 4], [4, 8], [8, 16], ...,
 * [2^N, inf)}.
 */
public final class PointPyramid {

  private final int snippets;
  private final int levels;
  private final int[] levelStart;
  private final double[] position;
  private final int[] stride;
  private final double[] rangeLow;
  private final double[] rangeHigh;

  /** The pyramid of {@code snippets} points with {@link #defaultRanges(int)}. */
  public PointPyramid(int snippets, int levels) {
    this(snippets, levels, defaultRanges(levels));
  }

  /**
   * @param ranges {@code [levels][2]}: per level, the smallest and largest distance (snippets of
   *     the finest grid) from a point to an action's boundary that the level regresses
   */
  public PointPyramid(int snippets, int levels, double[][] ranges) {
    if (snippets < 1) {
      throw new IllegalArgumentException("snippets must be >= 1, got " + snippets);
    }
    if (levels < 1 || levels > 16) {
      throw new IllegalArgumentException("levels must be in [1, 16], got " + levels);
    }
    if (ranges.length != levels) {
      throw new IllegalArgumentException("need one regression range per level (" + levels + "), got " + ranges.length);
    }
    this.snippets = snippets;
    this.levels = levels;
    this.levelStart = new int[levels + 1];
    for (int l = 0; l < levels; l++) {
      levelStart[l + 1] = levelStart[l] + levelLength(snippets, l);
    }
    int size = levelStart[levels];
    this.position = new double[size];
    this.stride = new int[size];
    this.rangeLow = new double[size];
    this.rangeHigh = new double[size];
    for (int l = 0; l < levels; l++) {
      if (ranges[l].length != 2 || !(ranges[l][0] >= 0) || !(ranges[l][1] > ranges[l][0])) {
        throw new IllegalArgumentException("regression range of level " + l + " must be [low >= 0, high > low], got "
            + java.util.Arrays.toString(ranges[l]));
      }
      int s = 1 << l;
      for (int p = levelStart[l], j = 0; p < levelStart[l + 1]; p++, j++) {
        position[p] = (double) j * s;
        stride[p] = s;
        rangeLow[p] = ranges[l][0];
        rangeHigh[p] = ranges[l][1];
      }
    }
  }

  /** ActionFormer's ranges: {@code [0, 4], [4, 8], ..., [2^levels, inf)}. */
  public static double[][] defaultRanges(int levels) {
    double[][] ranges = new double[levels][];
    for (int l = 0; l < levels; l++) {
      double low = l == 0 ? 0 : Math.pow(2, l + 1);
      double high = l == levels - 1 ? Double.POSITIVE_INFINITY : Math.pow(2, l + 2);
      ranges[l] = new double[] {low, high};
    }
    return ranges;
  }

  /** Points at level {@code level} for {@code snippets}: {@code ceil(snippets / 2^level)}. */
  public static int levelLength(int snippets, int level) {
    int n = snippets;
    for (int l = 0; l < level; l++) {
      n = (n + 1) / 2;
    }
    return n;
  }

  /** Points over all levels of a pyramid of {@code snippets}. */
  public static int size(int snippets, int levels) {
    int total = 0;
    for (int l = 0; l < levels; l++) {
      total += levelLength(snippets, l);
    }
    return total;
  }

  /** {@code L}. */
  public int snippets() {
    return snippets;
  }

  /** Number of levels. */
  public int levels() {
    return levels;
  }

  /** Number of points, all levels. */
  public int size() {
    return position.length;
  }

  /** Index of the first point of {@code level}. */
  public int levelStart(int level) {
    return levelStart[level];
  }

  /** Grid position of point {@code p} (snippets of the finest grid). */
  public double position(int p) {
    return position[p];
  }

  /** Stride of point {@code p}'s level: the unit its offsets are regressed in. */
  public int stride(int p) {
    return stride[p];
  }

  /** Smallest boundary distance point {@code p} regresses. */
  public double rangeLow(int p) {
    return rangeLow[p];
  }

  /** Largest boundary distance point {@code p} regresses. */
  public double rangeHigh(int p) {
    return rangeHigh[p];
  }
}
