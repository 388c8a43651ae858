package dev.lofi.model.nd;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The convolution every lofi network uses. Its finiteness checks mean most where this module's
 * tests run: with the nanfill shim preloaded (see the module's POM), so that every unwritten byte
 * reads as NaN.
 */
class AlignedConvolutionTest {

  private static final int BATCH = 4;

  @ParameterizedTest(name = "{0}D, {1} -> {2} channels")
  @CsvSource({"1, 6, 2", "1, 16, 3", "1, 17, 1", "1, 24, 17", "1, 64, 64", "2, 3, 8", "2, 8, 8", "2, 24, 40"})
  void outputsAndGradientsAreFiniteForAnyChannelCountInABatch(int dims, int in, int out) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block conv = aligned(dims, out);
      Shape shape = shape(dims, BATCH, in);
      conv.initialize(manager, DataType.FLOAT32, shape);
      NDArray x = manager.randomNormal(shape);
      x.setRequiresGradient(true);
      NDArray y;
      try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
        y = conv.forward(new ParameterStore(manager, false), new NDList(x), true).head();
        gc.backward(y.mul(manager.randomNormal(y.getShape())).sum());
      }
      assertThat(y.getShape().get(1)).isEqualTo(out);
      assertThat(nonFinite(y)).as("non-finite outputs").isZero();
      assertThat(nonFinite(x.getGradient())).as("non-finite input gradients").isZero();
      assertThat(nonFinite(conv.getParameters().get("weight").getArray().getGradient()))
          .as("non-finite weight gradients").isZero();
    }
  }

  @ParameterizedTest(name = "{0}D, {1} -> {2} channels")
  @CsvSource({"1, 17, 2", "1, 16, 16", "2, 24, 3"})
  void computesWhatDjlsConvolutionComputesSampleBySample(int dims, int in, int out) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block aligned = aligned(dims, out);
      Block plain = plain(dims, out);
      Shape shape = shape(dims, BATCH, in);
      aligned.initialize(manager, DataType.FLOAT32, shape);
      plain.initialize(manager, DataType.FLOAT32, shape(dims, 1, in));
      for (String name : new String[] {"weight", "bias"}) {
        plain.getParameters().get(name).getArray().set(aligned.getParameters().get(name).getArray().toFloatArray());
      }
      NDArray x = manager.randomNormal(shape);
      NDArray batched = aligned.forward(new ParameterStore(manager, false), new NDList(x), false).head();
      // One sample at a time, libtorch takes its own path, not oneDNN's: an independent reference.
      for (int b = 0; b < BATCH; b++) {
        NDArray expected = plain.forward(new ParameterStore(manager, false), new NDList(x.get(b + ":" + (b + 1))), false)
            .head();
        assertThat(batched.get(b + ":" + (b + 1)).sub(expected).abs().max().getFloat()).isLessThan(1e-4f);
      }
    }
  }

  @Test
  void loadsTheParametersDjlsConv1dSaved() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block saved = plain(1, 3);
      saved.initialize(manager, DataType.FLOAT32, shape(1, 1, 20));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      saved.saveParameters(new DataOutputStream(bytes));

      Block loaded = aligned(1, 3);
      loaded.initialize(manager, DataType.FLOAT32, shape(1, 1, 20));
      loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

      assertThat(loaded.getParameters().get("weight").getArray().toFloatArray())
          .containsExactly(saved.getParameters().get("weight").getArray().toFloatArray());
    }
  }

  private static Block aligned(int dims, int filters) {
    return dims == 1 ? AlignedConvolution.of(conv1d(filters)) : AlignedConvolution.of(conv2d(filters));
  }

  private static Block plain(int dims, int filters) {
    return dims == 1 ? conv1d(filters).build() : conv2d(filters).build();
  }

  private static Conv1d.Builder conv1d(int filters) {
    return Conv1d.builder().setKernelShape(new Shape(3)).optPadding(new Shape(1)).setFilters(filters);
  }

  private static Conv2d.Builder conv2d(int filters) {
    return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters);
  }

  private static Shape shape(int dims, int batch, int channels) {
    return dims == 1 ? new Shape(batch, channels, 20) : new Shape(batch, channels, 10, 10);
  }

  private static long nonFinite(NDArray array) {
    float[] values = array.toFloatArray();
    long count = 0;
    for (float v : values) {
      if (!Float.isFinite(v)) {
        count++;
      }
    }
    return count;
  }
}
