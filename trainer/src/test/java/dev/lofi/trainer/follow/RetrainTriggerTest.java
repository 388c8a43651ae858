package dev.lofi.trainer.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.trainer.data.TrainingFootage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetrainTriggerTest {

  private static final TrainingFootage NONE = new TrainingFootage(Map.of());
  private static final TrainingFootage TWO = new TrainingFootage(Map.of("a", "r:1", "b", "r:2"));

  @Test
  void enoughWaitingVideosFireAndFewerDoNot() {
    RetrainTrigger trigger = new RetrainTrigger(2, false, null);

    assertThat(trigger.fires(TWO, Set.of(), Duration.ZERO)).contains("2 new or changed training videos, the trigger is 2");
    assertThat(new RetrainTrigger(3, false, null).fires(TWO, Set.of(), Duration.ofDays(9))).isEmpty();
  }

  @Test
  void aNewClassFiresAtOnceWhenAskedFor() {
    assertThat(new RetrainTrigger(10, true, null).fires(TWO, Set.of("wave"), Duration.ZERO))
        .contains("new classes [wave] in 2 new or changed training videos");
    assertThat(new RetrainTrigger(10, false, null).fires(TWO, Set.of("wave"), Duration.ZERO)).isEmpty();
  }

  @Test
  void theScheduleFiresOnlyOnceItsTimeHasPassedAndSomethingWaits() {
    RetrainTrigger hourly = new RetrainTrigger(0, false, Duration.ofHours(1));

    assertThat(hourly.fires(TWO, Set.of(), Duration.ofMinutes(59))).isEmpty();
    assertThat(hourly.fires(TWO, Set.of(), Duration.ofMinutes(60)))
        .contains("the schedule: 1h since the last retrain, 2 new or changed training videos");
    assertThat(hourly.fires(NONE, Set.of("wave"), Duration.ofDays(1))).isEmpty();
  }

  @Test
  void aTriggerThatCouldNeverFireOrCountsBelowZeroIsRefused() {
    assertThatThrownBy(() -> new RetrainTrigger(0, false, null)).hasMessageContaining("nothing would ever start");
    assertThatThrownBy(() -> new RetrainTrigger(-1, true, null)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new RetrainTrigger(1, true, Duration.ZERO)).hasMessageContaining("positive");
  }

  @Test
  void itSaysWhatFiresInWords() {
    assertThat(new RetrainTrigger(10, true, Duration.ofMinutes(90)).describe())
        .isEqualTo("10 new or changed training videos, a new class, or every 90m with any waiting");
  }
}
