package dev.lofi.localizer.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.topics.record.ClipSnippet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentModelTest {

  private static final List<ClipSnippet> SNIPPET = List.of(TestCheckpoints.snippet("cam", 0, 1));

  @Test
  void aSwappedOutModelRunsOnUntilItsLastLeaseEndsAndIsClosedThen() {
    try (CurrentModel current = new CurrentModel()) {
      InferenceModel old = InferenceModel.load(TestCheckpoints.tiny("m", "head", 1));
      current.swap(old);
      ModelLease held = current.acquire();

      current.swap(InferenceModel.load(TestCheckpoints.tiny("m", "head", 2)));

      assertThat(held.model().encode(SNIPPET)).hasSize(old.featureDim());
      try (ModelLease fresh = current.acquire()) {
        assertThat(fresh.model()).isNotSameAs(old);
      }
      held.close();
      assertThatThrownBy(() -> old.encode(SNIPPET)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void withoutAModelAcquiringSaysSo() {
    try (CurrentModel current = new CurrentModel()) {
      assertThat(current.version()).isEmpty();
      assertThatThrownBy(current::acquire).hasMessageContaining("no model has been loaded yet");
    }
  }
}
