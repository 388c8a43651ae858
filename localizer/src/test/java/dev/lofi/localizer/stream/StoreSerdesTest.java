package dev.lofi.localizer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.localizer.tracking.ActionTracks;
import dev.lofi.localizer.tracking.FeatureWindow;
import dev.lofi.localizer.tracking.SnippetFeature;
import dev.lofi.localizer.tracking.TrackedAction;
import dev.lofi.topics.codec.RecordFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreSerdesTest {

  @Test
  void aFeatureWindowComesBackAsItWasStored() {
    FeatureWindow window = new FeatureWindow("lofi-cpu@head-e1", List.of(
        new SnippetFeature(7, 7.5, 8.5, 1_700_000_000_123L, new float[] {0.25f, -1e-7f, Float.MAX_VALUE}),
        new SnippetFeature(8, 8.5, 9.5, 1_700_000_001_123L, new float[] {1, 2, 3})), 1, true);

    FeatureWindow back = StoreSerdes.featureWindow().decode(StoreSerdes.featureWindow().encode(window));

    assertThat(back.encoder()).isEqualTo("lofi-cpu@head-e1");
    assertThat(back.sinceHead()).isEqualTo(1);
    assertThat(back.slid()).isTrue();
    assertThat(back.snippets()).usingRecursiveFieldByFieldElementComparator().isEqualTo(window.snippets());
    assertThat(back.features()).containsExactly(window.features());
  }

  @Test
  void anEmptyWindowComesBackEmpty() {
    FeatureWindow back = StoreSerdes.featureWindow().decode(StoreSerdes.featureWindow().encode(new FeatureWindow()));

    assertThat(back.isEmpty()).isTrue();
    assertThat(back.encoder()).isEmpty();
  }

  @Test
  void actionTracksComeBackAsTheyWereStored() {
    TrackedAction open = new TrackedAction("wave", 1.5, 4.25, 0.8, "m@1", 1_700_000_001_500L, 1_700_000_004_250L);
    TrackedAction closed = new TrackedAction("spin", 0.5, 1.0, 0.4, "m@2", 1_700_000_000_500L, 1_700_000_001_000L);

    ActionTracks back = StoreSerdes.actionTracks().decode(
        StoreSerdes.actionTracks().encode(new ActionTracks(List.of(open), List.of(closed))));

    assertThat(back.open()).containsExactly(open);
    assertThat(back.closed()).containsExactly(closed);
  }

  @Test
  void anAlteredStateRecordIsRefusedRatherThanRestoredWrong() {
    byte[] bytes = StoreSerdes.actionTracks().encode(new ActionTracks(List.of(
        new TrackedAction("wave", 1.5, 4.25, 0.8, "m@1", 1, 2)), List.of()));
    bytes[12] ^= 1;

    assertThatThrownBy(() -> StoreSerdes.actionTracks().decode(bytes)).isInstanceOf(RecordFormatException.class)
        .hasMessageContaining("CHECKSUM_MISMATCH");
  }
}
