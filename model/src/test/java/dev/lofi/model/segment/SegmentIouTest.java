package dev.lofi.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SegmentIouTest {

  @Test
  void handComputedOverlaps() {
    assertThat(SegmentIou.iou(0, 10, 5, 15)).isCloseTo(5.0 / 15, within(1e-12)); // 5 of 15
    assertThat(SegmentIou.iou(0, 10, 2, 4)).isCloseTo(0.2, within(1e-12));      // contained
    assertThat(SegmentIou.iou(3, 7, 3, 7)).isEqualTo(1.0);
    assertThat(SegmentIou.iou(0, 1, 1, 2)).isZero();                              // touching
    assertThat(SegmentIou.iou(0, 1, 5, 6)).isZero();                              // disjoint
    assertThat(SegmentIou.iou(2, 2, 2, 2)).isZero();                              // empty union
  }

  @Test
  void oneAgainstMany() {
    double[] ious = SegmentIou.iou(0, 10, new double[] {5, 0, 20}, new double[] {15, 5, 30});
    assertThat(ious).containsExactly(new double[] {1.0 / 3, 0.5, 0}, within(1e-12));
  }

  @Test
  void detectionsIgnoreLabels() {
    assertThat(SegmentIou.iou(new Detection(0, 0, 4, 1), new Detection(3, 2, 6, 0.5))).isCloseTo(2.0 / 6, within(1e-12));
  }

  @Property
  void symmetricAndWithinUnitInterval(@ForAll @DoubleRange(min = -100, max = 100) double a,
      @ForAll @DoubleRange(min = 0, max = 50) double la, @ForAll @DoubleRange(min = -100, max = 100) double b,
      @ForAll @DoubleRange(min = 0, max = 50) double lb) {
    double ab = SegmentIou.iou(a, a + la, b, b + lb);
    assertThat(ab).isEqualTo(SegmentIou.iou(b, b + lb, a, a + la)).isBetween(0.0, 1.0);
  }

  @Property
  void anIntervalCoversItselfExactly(@ForAll @DoubleRange(min = -100, max = 100) double a,
      @ForAll @DoubleRange(min = 0.01, max = 50) double length) {
    assertThat(SegmentIou.iou(a, a + length, a, a + length)).isCloseTo(1.0, within(1e-12));
  }
}
