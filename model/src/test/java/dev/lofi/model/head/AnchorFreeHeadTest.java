package dev.lofi.model.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lofi.model.segment.LabeledSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnchorFreeHeadTest {

  private static final int K = 3;
  private static final int D = 12;
  private static NDManager manager;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
    manager.getEngine().setRandomSeed(7);
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  private static AnchorFreeHead tinyHead(int classes) {
    return AnchorFreeHead.builder().setNumClasses(classes).setInputDim(D).optEmbedDim(16).build();
  }

  private static NDList forward(AnchorFreeHead head, NDArray features) {
    return head.forward(new ParameterStore(features.getManager(), false), new NDList(features), false);
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 25, 8, 100, 13, 1})
  void outputsCoverThePyramidForAnyL(int snippets) {
    AnchorFreeHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(2, D, snippets));
      NDList out = forward(head, m.randomNormal(new Shape(2, D, snippets)));
      long points = PointPyramid.size(snippets, 4);
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, points, K));
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, points, 2));
      assertThat(head.getOutputShapes(new Shape[] {new Shape(2, D, snippets)}))
          .containsExactly(out.get(0).getShape(), out.get(1).getShape());
      assertThat(out.get(1).min().getFloat()).isGreaterThanOrEqualTo(0f);
      // the classifier's prior: every class starts near probability 0.01
      assertThat(out.get(0).mean().getFloat()).isCloseTo(-4.595f, within(1.5f));
    }
  }

  @Test
  void lossIsFinitePositiveAndSplitsIntoParts() {
    AnchorFreeHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(3, D, 25));
      NDList out = forward(head, m.randomNormal(new Shape(3, D, 25)));
      List<VideoTargets> targets = List.of(
          VideoTargets.of(50, 25, List.of(new LabeledSegment(0, 4, 20), new LabeledSegment(2, 30, 33))),
          VideoTargets.of(12.5, 25, List.of(new LabeledSegment(1, 0, 12.5))),
          VideoTargets.of(50, 25, List.of()));  // a video without actions
      HeadLoss loss = head.losses(out, targets);
      assertThat(loss.positives()).isPositive();
      assertThat(loss.total().getFloat()).isFinite().isPositive();
      assertThat(loss.parts()).containsOnlyKeys("cls", "reg");
      assertThat(loss.parts().get("cls").getFloat() + loss.parts().get("reg").getFloat())
          .isCloseTo(loss.total().getFloat(), within(1e-5f));
      assertThat(head.loss(out, targets).getFloat()).isEqualTo(loss.total().getFloat());
    }
  }

  @Test
  void aBatchWithoutActionsHasAFiniteLossAndNoRegressionPart() {
    AnchorFreeHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(2, D, 13));
      NDList out = forward(head, m.randomNormal(new Shape(2, D, 13)));
      HeadLoss loss = head.losses(out, List.of(VideoTargets.of(10, 13, List.of()), VideoTargets.of(3, 13, List.of())));
      assertThat(loss.positives()).isZero();
      assertThat(loss.total().getFloat()).isFinite().isPositive();
      assertThat(loss.parts().get("reg").getFloat()).isZero();
    }
  }

  @Test
  void lossRejectsTargetsForAnotherL() {
    AnchorFreeHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(1, D, 32));
      NDList out = forward(head, m.randomNormal(new Shape(1, D, 32)));
      assertThatThrownBy(() -> head.losses(out, List.of(VideoTargets.of(10, 25, List.of()))))
          .hasMessageContaining("L = 25");
      assertThatThrownBy(() -> head.losses(out, List.of())).hasMessageContaining("1 videos but 0");
    }
  }

  @Test
  void savedParametersLoadIntoTheSameStructureAndGiveIdenticalOutputs(@TempDir Path dir)
      throws IOException, MalformedModelException {
    float[] before;
    float[] features;
    try (Model model = Model.newInstance("head")) {
      AnchorFreeHead head = tinyHead(K);
      model.setBlock(head);
      head.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, D, 20));
      NDArray x = model.getNDManager().randomNormal(new Shape(1, D, 20));
      features = x.toFloatArray();
      NDList out = forward(head, x);
      before = concat(out);
      model.save(dir, "head");
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).contains("head-0000.params");

    try (Model model = Model.newInstance("head")) {
      AnchorFreeHead head = (AnchorFreeHead) TalHeads.create(TalHeads.ANCHOR_FREE, tinyHead(K).config());
      model.setBlock(head);
      model.load(dir, "head");
      NDArray x = model.getNDManager().create(features, new Shape(1, D, 20));
      assertThat(concat(forward(head, x))).containsExactly(before);
    }

    try (Model model = Model.newInstance("head")) {
      model.setBlock(tinyHead(K + 1));
      assertThatThrownBy(() -> model.load(dir, "head"))
          .isInstanceOf(MalformedModelException.class)
          .hasMessageContaining("numClasses=3").hasMessageContaining("numClasses=4");
    }
  }

  @Test
  void builderNamesTheBadValue() {
    assertThatThrownBy(() -> AnchorFreeHead.builder().setNumClasses(0).setInputDim(8).build())
        .hasMessageContaining("numClasses must be >= 1, got 0");
    assertThatThrownBy(() -> AnchorFreeHead.builder().setNumClasses(2).setInputDim(8).optLevels(0).build())
        .hasMessageContaining("levels");
    assertThatThrownBy(() -> AnchorFreeHead.builder().setNumClasses(2).setInputDim(8).optHeadLayers(0).build())
        .hasMessageContaining("headLayers");
    assertThatThrownBy(() -> AnchorFreeHead.builder().setNumClasses(2).build()).hasMessageContaining("inputDim");
  }

  private static float[] concat(NDList out) {
    float[] a = out.get(0).toFloatArray();
    float[] b = out.get(1).toFloatArray();
    float[] all = new float[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
