package dev.lofi.trainer.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

  @Test
  void sizesReadLikeTheJvmReadsThem() {
    assertThat(MemoryBudget.parse("512m").bytes()).isEqualTo(512L << 20);
    assertThat(MemoryBudget.parse("4G").bytes()).isEqualTo(4L << 30);
    assertThat(MemoryBudget.parse("1.5g").bytes()).isEqualTo(3L << 29);
    assertThat(MemoryBudget.parse("4GiB").bytes()).isEqualTo(4L << 30);
    assertThat(MemoryBudget.parse("1000").bytes()).isEqualTo(1000);
  }

  @Test
  void nonsenseIsRefusedWithWhatToWriteInstead() {
    assertThatThrownBy(() -> MemoryBudget.parse("lots")).hasMessageContaining("use e.g. 512m");
    assertThatThrownBy(() -> MemoryBudget.parse("0")).hasMessageContaining("positive");
  }

  @Test
  void sizesPrintInBinaryUnits() {
    assertThat(MemoryBudget.format(3L << 29)).isEqualTo("1.5 GiB");
    assertThat(MemoryBudget.format(900)).isEqualTo("900 B");
  }

  @Test
  void thePeakResidentSizeCoversANativeAllocationMadeSinceTheReset() {
    PeakMemory.reset();
    long before = PeakMemory.residentBytes().orElseThrow();
    // Off-heap, like libtorch's tensors; touching every page makes it resident.
    java.nio.ByteBuffer block = java.nio.ByteBuffer.allocateDirect(64 << 20);
    for (int i = 0; i < block.capacity(); i += 4096) {
      block.put(i, (byte) 1);
    }
    assertThat(PeakMemory.peakBytes().orElseThrow()).isGreaterThanOrEqualTo(before + (60L << 20));
  }
}
