package dev.lofi.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

  @Test
  void chosenConfigurationsKeepTheTablesOrderAndAppearOnce() {
    DemoSettings settings = DemoSettings.LEARN.withConfigurations(List.of(DemoConfiguration.C, DemoConfiguration.T,
        DemoConfiguration.BASELINE, DemoConfiguration.C));

    assertThat(settings.comparison().configurations()).containsExactly(DemoConfiguration.BASELINE, DemoConfiguration.T,
        DemoConfiguration.C);
    assertThat(settings.comparison().seeds()).isEqualTo(DemoSettings.LEARN.comparison().seeds());
  }

  @Test
  void aComparisonWithoutTheBaselineIsRefused() {
    assertThatThrownBy(() -> DemoSettings.LEARN.withConfigurations(List.of(DemoConfiguration.C)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the baseline, C-LoFi");
  }

  @Test
  void configurationsAreNamedByTheirCommandLineIds() {
    assertThat(DemoConfiguration.of("st")).isEqualTo(DemoConfiguration.ST);
    assertThatThrownBy(() -> DemoConfiguration.of("C")).hasMessageContaining("choose from baseline, s, t, st, c, full");
  }
}
