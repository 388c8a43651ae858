package dev.lofi.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.ingest.decode.DecodedFrame;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSnippetterTest {

  private static final double FPS = 10;
  /** T = 3 frames, every 2nd source frame, 8 x 8: a snippet spans 6 source frames, 0.6 s. */
  private static final Fidelity FULL = new Fidelity("full", 1, 8, 3, 2);
  private static final int FRAME_BYTES = 8 * 8 * 3;

  /** A frame whose every byte is its index, at {@code seconds}. */
  private static DecodedFrame frame(int index, double seconds) {
    byte[] rgb = new byte[FRAME_BYTES];
    Arrays.fill(rgb, (byte) index);
    return new DecodedFrame(seconds, rgb);
  }

  /** The frame index each slot of a snippet holds. */
  private static List<Integer> framesOf(ClipSnippet snippet) {
    List<Integer> frames = new ArrayList<>();
    for (int slot = 0; slot < snippet.frames(); slot++) {
      frames.add((int) snippet.payload()[slot * FRAME_BYTES]);
    }
    return frames;
  }

  /** Feeds frames {@code from..to-1} at {@code FPS} from {@code offsetSeconds}, converting only wanted ones. */
  private static List<ClipSnippet> feed(LiveSnippetter snippetter, int from, int to, double offsetSeconds) {
    List<ClipSnippet> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      double seconds = offsetSeconds + i / FPS;
      DecodedFrame frame = snippetter.wants(seconds) ? frame(i, seconds) : new DecodedFrame(seconds, null);
      out.addAll(snippetter.accept(frame, 1000L + i));
    }
    return out;
  }

  @Test
  void consecutiveSnippetsTakeEveryStrideThFrame() {
    LiveSnippetter snippetter = new LiveSnippetter("cam1", FULL);
    snippetter.start(FPS, false);

    List<ClipSnippet> snippets = feed(snippetter, 0, 20, 0);

    assertThat(snippets).hasSize(3);
    assertThat(framesOf(snippets.get(0))).containsExactly(0, 2, 4);
    assertThat(framesOf(snippets.get(1))).containsExactly(6, 8, 10);
    assertThat(framesOf(snippets.get(2))).containsExactly(12, 14, 16);
    for (int i = 0; i < snippets.size(); i++) {
      ClipSnippet s = snippets.get(i);
      assertThat(s.snippetIndex()).isEqualTo(i);
      assertThat(s.snippetCount()).isEqualTo(ClipSnippet.UNKNOWN_COUNT);
      assertThat(s.videoId()).isEqualTo("cam1");
      assertThat(s.fidelity()).isEqualTo("full");
      assertThat(s.mediaStart()).isCloseTo(0.6 * i, within(1e-9));
      assertThat(s.mediaEnd()).isCloseTo(s.mediaStart() + 3 * 2 / FPS, within(1e-9));
      assertThat(s.discontinuity()).isFalse();
      assertThat(s.endOfStream()).isFalse();
      assertThat(List.of(s.frames(), s.height(), s.width(), s.channels())).containsExactly(3, 8, 8, 3);
    }
    assertThat(snippets.get(1).mediaStart()).isEqualTo(snippets.get(0).mediaEnd());
    assertThat(snippetter.nextIndex()).isEqualTo(3);
  }

  @Test
  void aSnippetCarriesTheCaptureTimeOfItsLastFrame() {
    LiveSnippetter snippetter = new LiveSnippetter("cam1", FULL);
    snippetter.start(FPS, false);

    List<ClipSnippet> snippets = feed(snippetter, 0, 6, 0);

    assertThat(snippets).singleElement().extracting(ClipSnippet::captureEpochMillis).isEqualTo(1004L);
  }

  @Test
  void onlyTheFramesOnTheGridAreWanted() {
    LiveSnippetter snippetter = new LiveSnippetter("cam1", FULL);
    snippetter.start(FPS, false);
    List<Integer> wanted = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      if (snippetter.wants(i / FPS)) {
        wanted.add(i);
        snippetter.accept(frame(i, i / FPS), 0);
      } else {
        snippetter.accept(new DecodedFrame(i / FPS, null), 0);
      }
    }
    assertThat(wanted).containsExactly(0, 2, 4, 6);
  }

  @Test
  void aFrameTheDecoderDidNotConvertIsStoodInForByTheNextConvertedOne() {
    LiveSnippetter snippetter = new LiveSnippetter("cam1", FULL);
    snippetter.start(FPS, false);
    snippetter.accept(frame(0, 0), 0);
    snippetter.accept(new DecodedFrame(0.2, null), 0);

    List<ClipSnippet> snippets = new ArrayList<>(snippetter.accept(frame(3, 0.3), 0));
    snippets.addAll(snippetter.accept(frame(4, 0.4), 0));

    assertThat(snippets).singleElement().satisfies(s -> assertThat(framesOf(s)).containsExactly(0, 3, 4));
  }

  @Test
  void aRestartAfterAGapDropsTheUnfinishedSnippetAndMarksTheNextOne() {
    LiveSnippetter snippetter = new LiveSnippetter("cam1", FULL);
    snippetter.start(FPS, false);
    List<ClipSnippet> before = feed(snippetter, 0, 9, 0);

    snippetter.start(FPS, true);
    List<ClipSnippet> after = feed(snippetter, 0, 12, 5.0);

    assertThat(before).hasSize(1);
    assertThat(after).hasSize(2);
    assertThat(after.get(0).snippetIndex()).isEqualTo(1);
    assertThat(after.get(0).discontinuity()).isTrue();
    assertThat(after.get(0).mediaStart()).isCloseTo(5.0, within(1e-9));
    assertThat(framesOf(after.get(0))).containsExactly(0, 2, 4);
    assertThat(after.get(1).discontinuity()).isFalse();
  }

  @Test
  void framesKeepTheirGridAcrossAFileRepeat() {
    // Frames 0..6 of a 0.7 s file, then its repeat from 0.7 s: one grid, no restart.
    LiveSnippetter snippetter = new LiveSnippetter("cam1", FULL);
    snippetter.start(FPS, false);
    List<ClipSnippet> snippets = new ArrayList<>(feed(snippetter, 0, 7, 0));
    snippets.addAll(feed(snippetter, 0, 7, 0.7));

    assertThat(snippets).hasSize(2);
    assertThat(framesOf(snippets.get(1))).containsExactly(6, 1, 3);
    assertThat(snippets.get(1).mediaStart()).isCloseTo(0.6, within(1e-9));
    assertThat(snippets.get(1).discontinuity()).isFalse();
  }

  @Test
  void framesBeforeStartOrOfTheWrongSizeAreRefused() {
    LiveSnippetter snippetter = new LiveSnippetter("cam1", FULL);
    assertThatThrownBy(() -> snippetter.accept(frame(0, 0), 0)).isInstanceOf(IllegalStateException.class);
    snippetter.start(FPS, false);
    assertThatThrownBy(() -> snippetter.accept(new DecodedFrame(0, new byte[5]), 0))
        .hasMessageContaining("expected 8x8 RGB (192 bytes), got 5 bytes");
    assertThatThrownBy(() -> snippetter.start(0, false)).hasMessageContaining("frame rate must be positive, got 0.0");
  }
}
