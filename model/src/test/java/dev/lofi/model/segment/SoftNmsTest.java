package dev.lofi.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SoftNmsTest {

  @Test
  void decaysOverlapsOfTheSameClassOnly() {
    Detection a = new Detection(0, 0, 10, 0.9);
    Detection b = new Detection(0, 5, 15, 0.8);  // tIoU 1/3 with a
    Detection c = new Detection(1, 5, 15, 0.7);  // another class: untouched
    List<Detection> out = SoftNms.DEFAULT.apply(List.of(b, c, a));
    // 0.8 * exp(-(1/3)^2 / 0.5) = 0.640590
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isEqualTo(a);
    assertThat(out.get(1)).isEqualTo(c);
    assertThat(out.get(2).label()).isZero();
    assertThat(out.get(2).start()).isEqualTo(5);
    assertThat(out.get(2).score()).isCloseTo(0.6405899, within(1e-6));
  }

  @Test
  void dropsDetectionsDecayedBelowTheMinimumScore() {
    Detection a = new Detection(0, 0, 10, 0.9);
    Detection same = new Detection(0, 0, 10, 0.1);  // tIoU 1: 0.1 * exp(-2) = 0.0135
    assertThat(new SoftNms(0.5, 0.02, 100).apply(List.of(a, same))).containsExactly(a);
    assertThat(new SoftNms(0.5, 0.01, 100).apply(List.of(a, same))).hasSize(2);
  }

  @Test
  void capsTheCountAndBreaksTiesByStartThenEndThenLabel() {
    List<Detection> in = List.of(
        new Detection(2, 30, 40, 0.5), new Detection(1, 30, 40, 0.5),
        new Detection(0, 10, 25, 0.5), new Detection(0, 10, 20, 0.5 + 1e-9));
    List<Detection> out = new SoftNms(0.5, 0.001, 3).apply(in);
    // Class 0 keeps [10, 20] and decays [10, 25] (tIoU 2/3) to 0.5 exp(-(4/9) / 0.5) = 0.2056,
    // which the cap of 3 then cuts; the two tied 0.5s at [30, 40] go by label.
    assertThat(out).extracting(Detection::label).containsExactly(0, 1, 2);
    assertThat(out.get(0).end()).isEqualTo(20);
    List<Detection> all = new SoftNms(0.5, 0.001, 10).apply(in);
    assertThat(all).hasSize(4);
    assertThat(all.get(3).score()).isCloseTo(0.5 * Math.exp(-(4.0 / 9) / 0.5), within(1e-9));

    List<Detection> tiedScores = new SoftNms(0.5, 0.001, 10).apply(List.of(
        new Detection(1, 8, 9, 0.5), new Detection(2, 3, 9, 0.5), new Detection(0, 3, 5, 0.5)));
    assertThat(tiedScores).extracting(Detection::start, Detection::end)
        .containsExactly(tuple(3.0, 5.0), tuple(3.0, 9.0),
            tuple(8.0, 9.0));
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new SoftNms(0, 0.001, 100)).hasMessageContaining("sigma");
    assertThatThrownBy(() -> new SoftNms(0.5, -1, 100)).hasMessageContaining("minScore");
    assertThatThrownBy(() -> new SoftNms(0.5, 0.001, 0)).hasMessageContaining("maxDetections");
  }

  @Property(tries = 200)
  void neverRaisesScoresCapsAndSorts(@ForAll("detections") List<Detection> in,
      @ForAll @IntRange(min = 1, max = 30) int max) {
    List<Detection> out = new SoftNms(0.5, 0.001, max).apply(in);
    assertThat(out.size()).isLessThanOrEqualTo(max);
    for (Detection d : out) {
      assertThat(in).anySatisfy(orig -> {
        assertThat(orig.label()).isEqualTo(d.label());
        assertThat(orig.start()).isEqualTo(d.start());
        assertThat(orig.end()).isEqualTo(d.end());
        assertThat(d.score()).isLessThanOrEqualTo(orig.score());
      });
    }
    for (int i = 1; i < out.size(); i++) {
      assertThat(SoftNms.ORDER.compare(out.get(i - 1), out.get(i))).isLessThanOrEqualTo(0);
    }
  }

  @Property(tries = 100)
  void doesNotDependOnInputOrder(@ForAll("detections") List<Detection> in, @ForAll long seed) {
    List<Detection> shuffled = new ArrayList<>(in);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(SoftNms.DEFAULT.apply(shuffled)).isEqualTo(SoftNms.DEFAULT.apply(in));
  }

  @Provide
  Arbitrary<List<Detection>> detections() {
    // Coarse values so that ties and identical detections happen often.
    Arbitrary<Detection> one = Combinators.combine(
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 20),
        Arbitraries.integers().between(0, 10),
        Arbitraries.integers().between(0, 10)).as((label, start, length, score) ->
            new Detection(label, start, start + length, score / 10.0));
    return one.list().ofMaxSize(40);
  }
}
