package dev.lofi.ingest.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.ingest.decode.DecodedFrame;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MultiFidelitySamplerTest {

  private static final double FPS = 10;
  private static final Fidelity BIG = new Fidelity("big", 5, 16, 3, 2);
  private static final Fidelity SMALL = new Fidelity("small", 2, 8, 2, 4);

  /** A 10 s video at 10 fps; frame i is the flat value i, so each snippet shows which frames it took. */
  private static DecodedFrame frame(int index, boolean convert) {
    byte[] rgb = null;
    if (convert) {
      rgb = new byte[16 * 16 * 3];
      Arrays.fill(rgb, (byte) index);
    }
    return new DecodedFrame(index / FPS, rgb);
  }

  private final List<MultiFidelitySampler> opened = new ArrayList<>();

  private MultiFidelitySampler open(MultiFidelitySampler sampler) {
    opened.add(sampler);
    return sampler;
  }

  @AfterEach
  void closeSamplers() {
    opened.forEach(MultiFidelitySampler::close);
  }

  private static List<SnippetSchedule> schedules() {
    return List.of(new SnippetSchedule(BIG, 10.0, 9.9, FPS), new SnippetSchedule(SMALL, 10.0, 9.9, FPS));
  }

  @Test
  void eachSnippetTakesTheFramesNearestToItsTargetsAtEveryFidelity() {
    List<ClipSnippet> out = new ArrayList<>();
    MultiFidelitySampler sampler = open(new MultiFidelitySampler("v", schedules(), 1 / FPS, out::add));
    for (int i = 0; i < 100; i++) {
      sampler.accept(frame(i, true));
    }
    assertThat(sampler.complete()).isTrue();
    // BIG snippet 1: cell [2, 4), centre 3 s, frames 0.2 s apart: 2.8, 3.0, 3.2 s = frames 28, 30, 32.
    ClipSnippet big1 = out.stream().filter(c -> c.fidelity().equals("big") && c.snippetIndex() == 1).findFirst().orElseThrow();
    assertThat(framesOf(big1)).containsExactly(28, 30, 32);
    assertThat(big1.mediaStart()).isEqualTo(2.0);
    assertThat(big1.mediaEnd()).isEqualTo(4.0);
    // SMALL snippet 0: cell [0, 5), centre 2.5 s, frames 0.4 s apart: 2.3 and 2.7 s.
    ClipSnippet small0 = out.stream().filter(c -> c.fidelity().equals("small") && c.snippetIndex() == 0).findFirst().orElseThrow();
    assertThat(small0.height()).isEqualTo(8);
    assertThat(framesOf(small0)).containsExactly(23, 27);
  }

  @Test
  void snippetsOfEachFidelityArriveInOrderAndAllOfThem() {
    List<ClipSnippet> out = new ArrayList<>();
    MultiFidelitySampler sampler = open(new MultiFidelitySampler("v", schedules(), 1 / FPS, out::add));
    for (int i = 0; i < 100; i++) {
      sampler.accept(frame(i, true));
    }
    assertThat(out.stream().filter(c -> c.fidelity().equals("big")).map(ClipSnippet::snippetIndex))
        .containsExactly(0, 1, 2, 3, 4);
    assertThat(out.stream().filter(c -> c.fidelity().equals("small")).map(ClipSnippet::snippetIndex))
        .containsExactly(0, 1);
    assertThat(out).allMatch(c -> c.snippetCount() == (c.fidelity().equals("big") ? 5 : 2));
  }

  @Test
  void onlyFramesNearATargetAreWantedAndAMissedOneIsMadeUpByTheNextConvertedFrame() {
    List<ClipSnippet> out = new ArrayList<>();
    MultiFidelitySampler sampler = open(new MultiFidelitySampler("v", List.of(new SnippetSchedule(BIG, 10.0, 9.9, FPS)),
        1 / FPS, out::add));
    int converted = 0;
    for (int i = 0; i < 100; i++) {
      // Frame 8 is the nearest to BIG snippet 0's first target (0.8 s) but is decoded without RGB.
      boolean convert = i != 8 && sampler.wants(i / FPS);
      converted += convert ? 1 : 0;
      sampler.accept(frame(i, convert));
    }
    assertThat(sampler.complete()).isTrue();
    assertThat(converted).isLessThan(40);
    assertThat(framesOf(out.get(0))).containsExactly(9, 10, 12);
  }

  @Test
  void aStreamThatStopsEarlyLeavesTheSamplerIncomplete() {
    List<ClipSnippet> out = new ArrayList<>();
    MultiFidelitySampler sampler = open(new MultiFidelitySampler("v", schedules(), 1 / FPS, out::add));
    for (int i = 0; i < 50; i++) {
      sampler.accept(frame(i, true));
    }
    assertThat(sampler.complete()).isFalse();
  }

  private static List<Integer> framesOf(ClipSnippet clip) {
    int frameBytes = clip.height() * clip.width() * clip.channels();
    List<Integer> frames = new ArrayList<>();
    for (int k = 0; k < clip.frames(); k++) {
      frames.add(clip.payload()[k * frameBytes] & 0xFF);
    }
    return frames;
  }
}
