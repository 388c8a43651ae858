package dev.lofi.model.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.encoder.FrameInput;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A network's config to a checkpoint manifest's map and back. */
class NetworkConfigTest {

  private static final NetworkConfig CONFIG = TinyNetworks.anchorFree(3);

  @Test
  void fromMapInvertsToMap() {
    assertThat(NetworkConfig.fromMap(CONFIG.toMap())).isEqualTo(CONFIG);
  }

  @Test
  void theFrameInputGoesToTheMapAndBackAndAnOlderConfigWithoutItIsRgb() {
    NetworkConfig motion = CONFIG.withFrameInput(FrameInput.RGB_DIFF);
    assertThat(motion.toMap()).containsEntry("frame_input", "rgb+diff");
    assertThat(NetworkConfig.fromMap(motion.toMap())).isEqualTo(motion);

    Map<String, Object> older = new HashMap<>(CONFIG.toMap());
    older.remove("frame_input");
    assertThat(NetworkConfig.fromMap(older).frameInput()).isEqualTo(FrameInput.RGB);

    older.put("frame_input", "flow");
    assertThatThrownBy(() -> NetworkConfig.fromMap(older)).hasMessageContaining("unknown frame input 'flow'")
        .hasMessageContaining("rgb+diff");
  }

  @Test
  void numbersMayComeBackAsAnyJsonNumberType() {
    // What a JSON reader gives for the same manifest: Integer, Long or Double, options as numbers.
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("depth", 18L);
    json.put("width_multiplier", 0.125d);
    json.put("frames_per_snippet", 2.0d);
    json.put("stem_stride", 2);
    json.put("head_kind", "anchor-free");
    json.put("num_classes", 3L);
    json.put("head_options", Map.of("embedDim", 16, "levels", "2", "headLayers", 1L));
    json.put("labels", java.util.List.of("a", "b", "c"));

    assertThat(NetworkConfig.fromMap(json)).isEqualTo(CONFIG);
  }

  @Test
  void aMissingOrMistypedKeyIsNamed() {
    Map<String, Object> missing = new HashMap<>(CONFIG.toMap());
    missing.remove("stem_stride");
    assertThatThrownBy(() -> NetworkConfig.fromMap(missing)).hasMessageContaining("'stem_stride'");

    Map<String, Object> fractional = new HashMap<>(CONFIG.toMap());
    fractional.put("depth", 18.5);
    assertThatThrownBy(() -> NetworkConfig.fromMap(fractional)).hasMessageContaining("'depth' must be an integer");

    Map<String, Object> text = new HashMap<>(CONFIG.toMap());
    text.put("num_classes", "three");
    assertThatThrownBy(() -> NetworkConfig.fromMap(text)).hasMessageContaining("'num_classes' must be a number");
  }

  @Test
  void theBuilderDefaultsToThePapersEncoderAndTheAnchorFreeHeadAndRequiresAClassCount() {
    NetworkConfig paper = NetworkConfig.builder().setNumClasses(20).build();
    assertThat(paper.depth()).isEqualTo(18);
    assertThat(paper.widthMultiplier()).isEqualTo(1f);
    assertThat(paper.framesPerSnippet()).isEqualTo(8);
    assertThat(paper.stemStride()).isEqualTo(4);
    assertThat(paper.frameInput()).isEqualTo(FrameInput.RGB);
    assertThat(paper.headKind()).isEqualTo("anchor-free");
    assertThat(paper.head().inputDim()).isEqualTo(512);

    assertThatThrownBy(() -> NetworkConfig.builder().build()).hasMessageContaining("setNumClasses");
    assertThatThrownBy(() -> NetworkConfig.builder().setNumClasses(2).optHead("bmn", Map.of()).build())
        .hasMessageContaining("unknown head kind 'bmn'");
  }

  @Test
  void withMethodsChangeOneFieldAndKeepTheRest() {
    NetworkConfig more = CONFIG.withClasses(7);
    assertThat(more.head().numClasses()).isEqualTo(7);
    assertThat(more.toBuilder().setNumClasses(3).build()).isEqualTo(CONFIG);
    assertThat(CONFIG.withHead("gtad", Map.of()).head().options()).isEmpty();
  }
}
