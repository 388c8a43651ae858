package dev.lofi.trainer.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JointTrainingSettingsTest {

  private static JointTrainingSettings validatingAt(String fidelity) {
    return JointTrainingSettings.builder("m").optValidationFidelity(fidelity).build();
  }

  @Test
  void whatIsNotSetIsLofiTrainsDefault() {
    JointTrainingSettings settings = JointTrainingSettings.builder("m").build();

    assertThat(settings.fidelities()).containsExactly("s", "t", "st");
    assertThat(settings.cycle()).isEqualTo(Cycle.LONG);
    assertThat(settings.epochs()).isEqualTo(JointTrainingSettings.DEFAULT_EPOCHS);
    assertThat(settings.validationFidelity()).isEqualTo(JointTrainingSettings.VALIDATION_FIDELITY);
    assertThat(settings.encoderStatisticsFrozen()).isFalse();
    assertThat(JointTrainingSettings.builder("m").optFrozenEncoderStatistics(true).build().encoderStatisticsFrozen())
        .isTrue();
  }

  @Test
  void badValuesAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> JointTrainingSettings.builder("m").optEpochs(0).build())
        .hasMessageContaining("must be positive, got 0");
    assertThatThrownBy(() -> JointTrainingSettings.builder("m").optFidelities(List.of()).build())
        .hasMessageContaining("at least one fidelity");
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
