package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.record.GroundTruthSegment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoPlanTest {

  private static final VideoPlan VIDEO = SynthPlan.of(SynthTalConfig.defaults(Path.of("unused")).withVideos(1))
      .videos().get(0);

  private static VideoPlan with(List<Performance> performances) {
    return new VideoPlan("v", null, SynthPreset.CPU, 300, VIDEO.cast(), performances, VIDEO.scenery());
  }

  private static Performance orbit(int object, int start, int end, double cycles) {
    return new Performance(object, ActionClass.ORBIT, start, end, cycles, 0.1, 1, 0, cycles >= 1);
  }

  @Test
  void annotationsAreTheAnnotatedPerformancesInSeconds() {
    VideoPlan plan = with(List.of(orbit(0, 30, 60, 1.5), orbit(1, 75, 90, 0.4), orbit(0, 150, 225, 2)));
    assertThat(plan.annotations().annotations()).containsExactly(
        new GroundTruthSegment("orbit", 2, 4), new GroundTruthSegment("orbit", 10, 15));
    assertThat(plan.annotations().durationSeconds()).isEqualTo(20);
  }

  @Test
  void oneObjectDoesOneThingAtATimeWhileTwoObjectsMayOverlap() {
    assertThat(with(List.of(orbit(0, 30, 60, 1.5), orbit(1, 40, 50, 0.4))).performances()).hasSize(2);
    assertThatThrownBy(() -> with(List.of(orbit(0, 30, 60, 1.5), orbit(0, 40, 50, 0.4))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
    assertThatThrownBy(() -> with(List.of(orbit(0, 30, 60, 1.5), orbit(1, 10, 20, 0.4))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
  }

  @Test
  void performancesMustFitTheVideoAndItsCast() {
    assertThatThrownBy(() -> with(List.of(orbit(0, 280, 310, 1.5)))).hasMessageContaining("does not fit 300 frames");
    assertThatThrownBy(() -> with(List.of(orbit(VIDEO.cast().size(), 0, 30, 1.5)))).hasMessageContaining("objects");
  }
}
