package dev.lofi.trainer;

import dev.lofi.model.encoder.TsmResNet;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.Map;

/**
 * The network each fidelity preset trains: TSM-ResNet-18 with the anchor-free head, at the paper's
 * width for {@code paper} and a quarter of it for {@code cpu} (two cores train it in minutes).
 */
public final class NetworkPresets {

  private static final int DEPTH = 18;

  private NetworkPresets() {}

  /** The network of {@code preset} for {@code numClasses} action classes. */
  public static NetworkConfig forPreset(FidelityPreset preset, int numClasses) {
    float width = preset == FidelityPreset.PAPER ? 1.0f : 0.25f;
    Map<String, String> head = preset == FidelityPreset.PAPER
        ? Map.of() : Map.of("embedDim", "64", "levels", "3", "headLayers", "2");
    return NetworkConfig.of(DEPTH, width, preset.full().framesPerSnippet(),
        TsmResNet.stemStrideFor(preset.full().frameSize()), numClasses, head);
  }
}
