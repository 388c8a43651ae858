package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JointTrainingSettingsTest {

  private static JointTrainingSettings validatingAt(String fidelity) {
    return new JointTrainingSettings("m", List.of("s"), Cycle.LONG, 16, 1, 1, 0.01f, 1, 0, fidelity, null);
  }

  @Test
  void noValidationFidelityMeansNoValidation() {
    assertThat(validatingAt(null).validationFidelity()).isNull();
  }

  @Test
  void aBlankValidationFidelityIsRefusedNamingTheWayToTurnValidationOff() {
    assertThatThrownBy(() -> validatingAt(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'full'").hasMessageContaining("null for no validation");
  }
}
