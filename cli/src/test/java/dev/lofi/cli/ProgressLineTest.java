package dev.lofi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong();
  private final StringWriter bar = new StringWriter();
  private final ProgressLine progress = new ProgressLine(new PrintWriter(new StringWriter()), new PrintWriter(bar),
      true, now::get);

  @Test
  void theBarEstimatesTheTimeLeftFromThePaceSoFar() {
    progress.update(0, 10, "step 0");
    now.addAndGet(20 * SECOND);
    progress.update(2, 10, "step 2");

    assertThat(lastDraw()).contains("20% step 2").endsWith("about 1m 20s left");
  }

  @Test
  void aNewStageStartsANewEstimate() {
    progress.update(0, 10, "pretrain");
    now.addAndGet(100 * SECOND);
    progress.update(9, 10, "pretrain");
    progress.update(0, 4, "lofi");
    now.addAndGet(30 * SECOND);
    progress.update(1, 4, "lofi");

    assertThat(lastDraw()).endsWith("lofi, about 1m 30s left");
  }

  @Test
  void nothingIsEstimatedBeforeThePaceIsKnownOrAfterTheLastUnit() {
    now.addAndGet(SECOND);
    progress.update(3, 10, "step 3");
    assertThat(lastDraw()).contains("step 3").doesNotContain("left");
    now.addAndGet(5 * SECOND);
    progress.update(10, 10, "done");
    assertThat(lastDraw()).doesNotContain("left");
  }

  private String lastDraw() {
    String drawn = bar.toString();
    return drawn.substring(drawn.lastIndexOf('\r') + 1).strip();
  }
}
