/**
 * The networks and the pure functions around them that trainer and localizer share: the
 * TSM-ResNet video encoder, localization heads behind {@code TalHead} ({@code head}), their losses
 * ({@code loss}), the post-processing that turns head outputs into action segments in seconds
 * ({@code segment}), and the detection mAP that scores them ({@code evaluation}).
 */
package dev.lofi.model;
