package dev.lofi.model.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TalHeadsTest {

  @Test
  void buildsTheAnchorFreeHeadFromOptions() {
    HeadConfig config = HeadConfig.of(5, 64).with("levels", 3).with("embedDim", 32).with("maxDetections", 50);
    TalHead head = TalHeads.create(TalHeads.ANCHOR_FREE, config);
    assertThat(head).isInstanceOf(AnchorFreeHead.class);
    AnchorFreeHead anchorFree = (AnchorFreeHead) head;
    assertThat(head.kind()).isEqualTo("anchor-free");
    assertThat(head.numClasses()).isEqualTo(5);
    assertThat(anchorFree.levels()).isEqualTo(3);
    assertThat(anchorFree.decoding().nms().maxDetections()).isEqualTo(50);
    assertThat(head.config().options()).containsEntry("embedDim", "32").containsEntry("headLayers", "3");
  }

  @Test
  void aHeadsConfigRebuildsTheSameHead() {
    TalHead head = TalHeads.create(TalHeads.ANCHOR_FREE, HeadConfig.of(4, 16).with("levels", 2));
    TalHead again = TalHeads.create(head.kind(), head.config());
    assertThat(again.config()).isEqualTo(head.config());
    assertThat(again.toString()).isEqualTo(head.toString());
  }

  @Test
  void namesUnknownKindsAndOptions() {
    assertThat(TalHeads.kinds()).containsExactly("anchor-free", "gtad");
    assertThatThrownBy(() -> TalHeads.create("bmn", HeadConfig.of(2, 8)))
        .hasMessageContaining("unknown head kind 'bmn'").hasMessageContaining("anchor-free");
    assertThatThrownBy(() -> TalHeads.create(TalHeads.ANCHOR_FREE, HeadConfig.of(2, 8).with("level", 3)))
        .hasMessageContaining("[level]");
    assertThatThrownBy(() -> TalHeads.create(TalHeads.ANCHOR_FREE, HeadConfig.of(2, 8).with("levels", "four")))
        .hasMessageContaining("levels must be an integer");
    assertThatThrownBy(() -> new HeadConfig(0, 8, Map.of())).hasMessageContaining("numClasses");
  }
}
