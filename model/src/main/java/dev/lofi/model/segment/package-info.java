/**
 * Pure Java post-processing shared by trainer, localizer and evaluation: {@link
 * dev.lofi.model.segment.Detection}s in seconds, the snippet grid's time mapping ({@link
 * dev.lofi.model.segment.VideoInfo}), temporal IoU, Gaussian soft-NMS and top-k. No DJL here:
 * what happens after the network is tested, and runs, without one.
 */
package dev.lofi.model.segment;
