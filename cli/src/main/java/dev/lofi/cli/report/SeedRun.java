package dev.lofi.cli.report;

/**
 * One seed of a configuration: trained, then evaluated on the held-out videos.
 *
 * @param seed the seed that drew data order and initial weights
 * @param scores mAP on the held-out videos
 * @param stepBytes the estimated memory of the configuration's joint training step; 0 when it trains no encoder
 * @param trainSeconds wall time of training, every stage of the configuration included
 */
public record SeedRun(long seed, MapScores scores, long stepBytes, double trainSeconds) {

  public SeedRun {
    if (scores == null) {
      throw new IllegalArgumentException("scores must not be null (seed " + seed + ")");
    }
    if (stepBytes < 0) {
      throw new IllegalArgumentException("stepBytes must be >= 0, got " + stepBytes);
    }
    if (!(trainSeconds >= 0) || Double.isInfinite(trainSeconds)) {
      throw new IllegalArgumentException("trainSeconds must be finite and >= 0, got " + trainSeconds);
    }
  }
}
