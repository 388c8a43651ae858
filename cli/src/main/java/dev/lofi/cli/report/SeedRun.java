package dev.lofi.cli.report;

/**
 * One seed of a configuration: trained, then evaluated on the held-out videos.
 *
 * @param seed the seed that drew data order and initial weights
 * @param scores mAP on the held-out videos
 * @param peakTrainBytes the highest memory a training step took; 0 when no step measured it
 * @param trainSeconds wall time of training, every stage of the configuration included
 */
public record SeedRun(long seed, MapScores scores, long peakTrainBytes, double trainSeconds) {

  public SeedRun {
    if (scores == null) {
      throw new IllegalArgumentException("scores must not be null (seed " + seed + ")");
    }
    if (peakTrainBytes < 0) {
      throw new IllegalArgumentException("peakTrainBytes must be >= 0, got " + peakTrainBytes);
    }
    if (!(trainSeconds >= 0) || Double.isInfinite(trainSeconds)) {
      throw new IllegalArgumentException("trainSeconds must be finite and >= 0, got " + trainSeconds);
    }
  }
}
