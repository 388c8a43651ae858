package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FrameRendererTest {

  private static final SynthTalConfig CONFIG = SynthTalConfig.defaults(Path.of("unused")).withVideos(1);

  private static FrameRenderer renderer(long seed) {
    return new FrameRenderer(SynthPlan.of(CONFIG.withSeed(seed)).videos().get(0));
  }

  private static byte[] render(FrameRenderer renderer, int frame) {
    byte[] bgr = new byte[renderer.frameBytes()];
    renderer.render(frame, bgr);
    return bgr;
  }

  @Test
  void theSameSeedRendersBitIdenticalFramesAndAnotherSeedOtherFrames() {
    FrameRenderer first = renderer(5);
    FrameRenderer again = renderer(5);
    FrameRenderer other = renderer(6);
    for (int frame = 0; frame < 30; frame++) {
      assertThat(render(again, frame)).isEqualTo(render(first, frame));
      assertThat(render(other, frame)).isNotEqualTo(render(first, frame));
    }
  }

  @Test
  void aFrameDoesNotDependOnWhichFramesWereRenderedBefore() {
    FrameRenderer renderer = renderer(5);
    byte[] ten = render(renderer, 10);
    render(renderer, 3);
    render(renderer, 200);
    assertThat(render(renderer(5), 10)).isEqualTo(ten);
    assertThat(render(renderer, 10)).isEqualTo(ten);
  }

  @Test
  void framesAreTheirPresetsSizeAndFlickerWithNoiseEvenWhereNothingMoves() {
    FrameRenderer renderer = renderer(5);
    assertThat(renderer.frameBytes()).isEqualTo(160 * 120 * 3);
    byte[] a = render(renderer, 0);
    byte[] b = render(renderer, 1);
    int changed = 0;
    for (int i = 0; i < a.length; i++) {
      changed += a[i] != b[i] ? 1 : 0;
    }
    assertThat(changed).isGreaterThan(a.length / 2);
  }

  @Test
  void framesOutsideTheVideoOrBuffersOfTheWrongSizeAreRefused() {
    FrameRenderer renderer = renderer(5);
    assertThatThrownBy(() -> renderer.render(renderer.frames(), new byte[renderer.frameBytes()]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got " + renderer.frames());
    assertThatThrownBy(() -> renderer.render(0, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3");
  }
}
