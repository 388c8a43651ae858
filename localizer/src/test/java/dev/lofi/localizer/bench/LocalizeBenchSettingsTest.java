package dev.lofi.localizer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LocalizeBenchSettingsTest {

  private static final Path WORK = Path.of("bench");

  @Test
  void aHopIsTheSecondsOfItsSnippetsInTheThirtyFpsVideo() {
    LocalizeBenchSettings settings = new LocalizeBenchSettings(FidelityPreset.CPU, TestCheckpoints.network(8), 60, WORK);

    // 4 snippets of 8 frames 4 apart: 128 frames.
    assertThat(settings.hopSeconds()).isCloseTo(128 / 30.0, within(1e-9));
    assertThat(settings.video().frames()).isEqualTo(1800);
  }

  @Test
  void aNetworkOfAnotherSnippetLengthThanThePresetsIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LocalizeBenchSettings(FidelityPreset.CPU, TestCheckpoints.network(2), 60, WORK))
        .withMessageContaining("the network takes snippets of 2 frames; preset cpu's have 8");
  }

  @Test
  void percentilesAreTheNearestRank() {
    List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();

    assertThat(LocalizeBenchmark.percentile(hundred, 50)).isEqualTo(50);
    assertThat(LocalizeBenchmark.percentile(hundred, 99)).isEqualTo(99);
    assertThat(LocalizeBenchmark.percentile(List.of(30L, 10L), 50)).isEqualTo(10);
    assertThat(LocalizeBenchmark.percentile(List.of(30L, 10L), 99)).isEqualTo(30);
    assertThat(LocalizeBenchmark.percentile(List.of(7L), 99)).isEqualTo(7);
  }
}
