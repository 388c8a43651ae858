package dev.lofi.cli.report;

import java.util.Collections;
import java.util.List;

/**
 * The chance level a run's figures are read against: the mean and the highest of several draws of
 * random segments, scored as the models are.
 *
 * @param draws how many draws
 * @param averageMean mean average mAP over the draws
 * @param averageMax the highest draw's average mAP
 * @param atHalfMean mean mAP at tIoU 0.5
 * @param atHalfMax the highest draw's mAP at tIoU 0.5
 */
public record ChanceLevel(int draws, double averageMean, double averageMax, double atHalfMean, double atHalfMax) {

  /** The level of {@code draws}, each scored at tIoU 0.5 among others. */
  public static ChanceLevel of(List<MapScores> draws) {
    if (draws.isEmpty()) {
      throw new IllegalArgumentException("chance needs at least one draw");
    }
    List<Double> average = draws.stream().map(MapScores::average).toList();
    List<Double> atHalf = draws.stream().map(draw -> draw.at(0.5).orElseThrow(() ->
        new IllegalArgumentException("a draw was not scored at tIoU 0.5"))).toList();
    return new ChanceLevel(draws.size(), SeedSpread.of(average).mean(), Collections.max(average),
        SeedSpread.of(atHalf).mean(), Collections.max(atHalf));
  }
}
