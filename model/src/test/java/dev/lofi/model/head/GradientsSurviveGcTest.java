package dev.lofi.model.head;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.lofi.model.segment.LabeledSegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression test for the {@link dev.lofi.model.nd.Scalars} trap: garbage collection, and reuse
 * of the freed direct buffers, between forward and backward must not change the gradients. With
 * {@code x.mul(2f)}-style operands in the losses this fills the gradients with NaN in some runs:
 * whether the freed memory is reused in time is up to the allocator, so this is a canary;
 * {@code dev.lofi.model.nd.NoNumberOperandsTest} is the deterministic check.
 */
class GradientsSurviveGcTest {

  private static final int ROUNDS = 3;

  @Test
  void gradientsAreFiniteAfterAGcBetweenForwardAndBackward() throws InterruptedException {
    List<VideoTargets> targets = List.of(
        VideoTargets.of(20, 10, List.of(new LabeledSegment(0, 2, 9), new LabeledSegment(1, 12, 18))));
    try (Model model = Model.newInstance("gc")) {
      AnchorFreeHead head = AnchorFreeHead.builder().setNumClasses(2).setInputDim(4).optEmbedDim(8).optLevels(2).build();
      model.setBlock(head);
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
        trainer.initialize(new Shape(1, 4, 10));
        for (int round = 0; round < ROUNDS; round++) {
          try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray x = step.randomNormal(new Shape(1, 4, 10));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              HeadLoss loss = head.losses(trainer.forward(new NDList(x)), targets);
              assertThat(loss.positives()).isPositive();
              List<ByteBuffer> reuse = collectAndReuseFreedBuffers();
              gc.backward(loss.total());
              assertThat(reuse).isNotEmpty();
            }
            for (Parameter p : head.getParameters().values()) {
              try (NDArray g = p.getArray().getGradient()) {
                assertThat(g.isNaN().any().getBoolean())
                    .as("NaN in the gradient of %s in round %d", p.getName(), round).isFalse();
              }
            }
          }
        }
      }
    }
  }

  /** Frees unreachable direct buffers and takes small ones back, filled with NaN. */
  private static List<ByteBuffer> collectAndReuseFreedBuffers() throws InterruptedException {
    System.gc();
    List<ByteBuffer> reuse = new ArrayList<>();
    Thread.sleep(20);  // the Cleaner thread frees them
    for (int i = 0; i < 20_000; i++) {
      reuse.add(ByteBuffer.allocateDirect(4).putInt(0, Float.floatToRawIntBits(Float.NaN)));
    }
    return reuse;
  }
}
