/**
 * ActivityNet files for evaluation: strict readers of ground truth ({@link
 * dev.lofi.localizer.evaluation.ActivityNetGroundTruth}) and predictions, the prediction writer
 * that offline localization uses ({@link dev.lofi.localizer.evaluation.ActivityNetPredictions}),
 * and {@code lofi evaluate}'s computation over files and its report. The mAP itself is {@code
 * dev.lofi.model.evaluation}'s.
 */
package dev.lofi.localizer.evaluation;
