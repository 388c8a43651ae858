/**
 * Detection evaluation as the official ActivityNet evaluator computes it: tIoU thresholds ({@link
 * dev.lofi.model.evaluation.TiouThresholds}), AP per class and threshold, mAP and average mAP
 * ({@link dev.lofi.model.evaluation.DetectionEvaluation}) of {@link
 * dev.lofi.model.evaluation.Prediction}s against {@link dev.lofi.model.evaluation.ActionInstance}s.
 * Plain values in memory, no file formats (the localizer reads and writes those), so the trainer's
 * validation mAP and {@code lofi evaluate} are the same computation.
 */
package dev.lofi.model.evaluation;
