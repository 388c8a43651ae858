package dev.lofi.trainer.memory;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.lofi.model.encoder.TsmResNet;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.topics.fidelity.Fidelity;
import org.junit.jupiter.api.Test;

class ActivationWalkTest {

  @Test
  void theEncodersOperationsPerFrameAreResNet18sPublishedCount() {
    // The paper preset's encoder is TSM-ResNet-18 at full width on 224 px frames. ResNet-18 is
    // 1.82 G multiply-adds a 224 px image (He et al.; the shift adds none): 3.64 GFLOP a frame.
    NetworkConfig config = LofiPreset.PAPER.network(7);
    Fidelity oneSnippet = new Fidelity("one", 1, 224, config.framesPerSnippet(), 8);
    double encoderPerFrame = perVideo(config, oneSnippet).forwardFlops() / config.framesPerSnippet();

    assertThat(encoderPerFrame / 1e9).isBetween(3.4, 3.9);
  }

  @Test
  void theOperationsGrowWithTheSnippetsAndTheFrameArea() {
    NetworkConfig config = LofiPreset.CPU.network(7);
    double base = perVideo(config, new Fidelity("a", 8, 32, 8, 4)).forwardFlops();
    double longer = perVideo(config, new Fidelity("b", 16, 32, 8, 4)).forwardFlops();
    double larger = perVideo(config, new Fidelity("c", 8, 64, 8, 4)).forwardFlops();

    assertThat(longer / base).isBetween(1.95, 2.05);
    assertThat(larger / base).isBetween(3.8, 4.2);
  }

  private static ActivationWalk.PerVideo perVideo(NetworkConfig config, Fidelity fidelity) {
    LocalizationNetwork network = config.build();
    try (NDManager manager = NDManager.newBaseManager()) {
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, config.framesPerSnippet(), TsmResNet.CHANNELS,
          fidelity.frameSize(), fidelity.frameSize()));
      return ActivationWalk.perVideo(network, fidelity);
    }
  }
}
