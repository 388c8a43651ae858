/**
 * The video encoder: {@link dev.lofi.model.encoder.TsmResNet} (a 2D ResNet with a {@link
 * dev.lofi.model.encoder.TemporalShift} in every residual unit) and {@link
 * dev.lofi.model.encoder.SnippetTensor}, which turns uint8 RGB snippet payloads into its input.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Layout: snippets {@code [N, T, 3, H, W]} in, features {@code [N, D]} out (mean over space
 *       and the T frames). Inside, frames are folded into the batch, {@code [N*T, C, H, W]}.
 *   <li>D = the last stage width: {@code 512 * m} for depth 18/34, {@code 2048 * m} for 50 (widths
 *       rounded to multiples of 8, at least 8); {@code TsmResNet.featureDim(depth, m)}.
 *   <li>Small frames: the stem stride (4 = ImageNet 7x7/2 + max-pool, 2 or 1 = a 3x3 convolution
 *       without pool) is chosen once from the full-fidelity side ({@code stemStrideFor}: 4 from
 *       112 px, else 2), because the same network serves every fidelity.
 *   <li>Temporal shift at the ends of a snippet pads with zeros, so a one-frame snippet has both
 *       shifted groups zeroed (not a no-op). {@code optShiftDivisor(0)} builds the same network
 *       without shift (a frame-wise ResNet with the same parameters).
 * </ul>
 */
package dev.lofi.model.encoder;
