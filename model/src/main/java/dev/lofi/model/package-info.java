/**
 * The networks and the pure functions around them that trainer and localizer share: the
 * TSM-ResNet video encoder, localization heads behind {@code TalHead} ({@code head}), their losses
 * ({@code loss}), and the post-processing that turns head outputs into action segments in seconds
 * ({@code segment}).
 */
package dev.lofi.model;
