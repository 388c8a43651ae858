package dev.lofi.localizer.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.localizer.tracking.ActionEvent.Kind;
import dev.lofi.model.segment.Detection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingLocalizationTest {

  private static final long EPOCH_MILLIS = 1_700_000_000_000L;

  private final SlidingLocalization localization = new SlidingLocalization(new SlidingWindowSettings(4, 2, 0.5, 0.3));
  private final FeatureWindow window = new FeatureWindow();
  private final ActionTracks tracks = new ActionTracks();
  private final ScriptedHead head = new ScriptedHead("m@1", "m@1");

  /** Snippet {@code index}: one second of media from {@code start}, captured at its end; its feature is its index. */
  private static SnippetFeature snippet(int index, double start) {
    return new SnippetFeature(index, start, start + 1, EPOCH_MILLIS + Math.round((start + 1) * 1000),
        new float[] {index});
  }

  private List<ActionEvent> feed(int from, int to, WindowHead model) {
    List<ActionEvent> events = new ArrayList<>();
    for (int index = from; index < to; index++) {
      events.addAll(localization.accept(window, tracks, snippet(index, index), false, model));
    }
    return events;
  }

  @Test
  void theHeadRunsEveryHopOnTheNewestWindowOfSnippets() {
    feed(0, 8, head);

    assertThat(head.shown).extracting(features -> features.length).containsExactly(2, 4, 4, 4);
    assertThat(head.shown.get(3)).containsExactly(4, 5, 6, 7);
    assertThat(head.durations).containsExactly(2.0, 4.0, 4.0, 4.0);
  }

  @Test
  void detectionsAreMovedToStreamTimeAndThoseBelowTheThresholdAreIgnored() {
    head.script.add(List.of());
    head.script.add(List.of());
    head.script.add(List.of(new Detection(1, 1.0, 2.5, 0.9), new Detection(0, 0, 1, 0.2)));

    List<ActionEvent> events = feed(0, 6, head);

    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.kind()).isEqualTo(Kind.OPENED);
      assertThat(event.action().label()).isEqualTo("spin");
      assertThat(event.action().start()).isEqualTo(3.0);
      assertThat(event.action().end()).isEqualTo(4.5);
      assertThat(event.action().model()).isEqualTo("m@1");
      assertThat(event.decidedByCaptureMillis()).isEqualTo(EPOCH_MILLIS + 6000);
    });
  }

  @Test
  void theEndOfTheStreamRunsTheHeadOnWhatItHasNotSeenAndClosesEveryAction() {
    head.script.add(List.of());
    head.script.add(List.of());
    head.script.add(List.of(new Detection(0, 2.0, 4.0, 0.9)));
    feed(0, 5, head);

    List<ActionEvent> events = localization.finish(window, tracks, head, EPOCH_MILLIS + 9000);

    assertThat(head.shown).hasSize(3);
    assertThat(head.shown.get(2)).containsExactly(1, 2, 3, 4);
    assertThat(events).extracting(ActionEvent::kind).containsExactly(Kind.OPENED, Kind.CLOSED);
    assertThat(events.get(1).action().start()).isEqualTo(3.0);
    assertThat(events.get(1).decidedByCaptureMillis()).isEqualTo(EPOCH_MILLIS + 9000);
    assertThat(window.isEmpty()).isTrue();
    assertThat(tracks.open()).isEmpty();
  }

  @Test
  void aDiscontinuityClosesTheOpenActionsAndStartsTheWindowOver() {
    head.script.add(List.of());
    head.script.add(List.of(new Detection(0, 2, 4, 0.9)));
    assertThat(feed(0, 4, head)).extracting(ActionEvent::kind).containsExactly(Kind.OPENED);

    List<ActionEvent> events = localization.accept(window, tracks, snippet(4, 10), true, head);

    assertThat(events).extracting(ActionEvent::kind).containsExactly(Kind.CLOSED);
    assertThat(events.get(0).action().end()).isEqualTo(4.0);
    assertThat(window.size()).isEqualTo(1);
    assertThat(window.start()).isEqualTo(10.0);
    localization.accept(window, tracks, snippet(5, 11), false, head);
    assertThat(head.shown.get(2)).containsExactly(4, 5);
  }

  @Test
  void aJumpInMediaTimeEndsTheStretchEvenWhenTheSourceDidNotFlagIt() {
    head.script.add(List.of());
    head.script.add(List.of(new Detection(0, 2, 4, 0.9)));
    feed(0, 4, head);

    assertThat(localization.accept(window, tracks, snippet(4, 30), false, head)).extracting(ActionEvent::kind)
        .containsExactly(Kind.CLOSED);
    assertThat(window.start()).isEqualTo(30.0);
  }

  @Test
  void anIndexThatDoesNotFollowEndsTheStretch() {
    feed(0, 3, head);

    localization.accept(window, tracks, snippet(0, 3), false, head);

    assertThat(window.size()).isEqualTo(1);
    assertThat(head.shown).hasSize(2);
  }

  @Test
  void aModelWithAnotherEncoderStartsTheWindowOverWithoutMixingFeatures() {
    head.script.add(List.of(new Detection(0, 0, 2, 0.9)));
    feed(0, 3, head);
    ScriptedHead retrained = new ScriptedHead("m@2", "m@2");

    List<ActionEvent> events = localization.accept(window, tracks, snippet(3, 3), false, retrained);

    assertThat(events).extracting(ActionEvent::kind).containsExactly(Kind.CLOSED);
    assertThat(retrained.shown).isEmpty();
    assertThat(window.snippets()).extracting(SnippetFeature::index).containsExactly(3);
    assertThat(window.encoder()).isEqualTo("m@2");
  }

  @Test
  void aNewHeadOnTheSameEncoderKeepsTheWindow() {
    feed(0, 3, head);
    ScriptedHead retrainedHead = new ScriptedHead("m@3", "m@1");

    localization.accept(window, tracks, snippet(3, 3), false, retrainedHead);

    assertThat(retrainedHead.shown.get(0)).containsExactly(0, 1, 2, 3);
  }

  /** A head that finds what the test scripts, one list per run, and records what it was shown. */
  private static final class ScriptedHead implements WindowHead {
    final List<float[]> shown = new ArrayList<>();
    final List<Double> durations = new ArrayList<>();
    final Deque<List<Detection>> script = new ArrayDeque<>();
    private final String version;
    private final String encoder;

    ScriptedHead(String version, String encoder) {
      this.version = version;
      this.encoder = encoder;
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public String encoderVersion() {
      return encoder;
    }

    @Override
    public List<String> labels() {
      return List.of("wave", "spin");
    }

    @Override
    public List<Detection> localize(float[] features, int snippets, double duration) {
      shown.add(features);
      durations.add(duration);
      return script.isEmpty() ? List.of() : script.poll();
    }
  }
}
