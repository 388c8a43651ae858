/**
 * Pure Java post-processing shared by trainer, localizer and evaluation: {@link
 * dev.lofi.model.segment.Detection}s in seconds, the snippet grid's time mapping ({@link
 * dev.lofi.model.segment.VideoInfo}), temporal IoU, Gaussian soft-NMS and top-k. No DJL here, so
 * saved raw predictions can be post-processed again without a model.
 */
package dev.lofi.model.segment;
