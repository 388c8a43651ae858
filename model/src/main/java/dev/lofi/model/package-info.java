/**
 * The networks and the pure functions around them that trainer and localizer share: the
 * TSM-ResNet video encoder, localization heads behind {@code TalHead}, their losses, and the
 * post-processing that turns head outputs into action segments.
 */
package dev.lofi.model;
