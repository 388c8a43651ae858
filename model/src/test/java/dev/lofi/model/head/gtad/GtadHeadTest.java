package dev.lofi.model.head.gtad;

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
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.lofi.model.head.HeadConfig;
import dev.lofi.model.head.HeadLoss;
import dev.lofi.model.head.TalHeads;
import dev.lofi.model.head.VideoTargets;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.LabeledSegment;
import dev.lofi.model.segment.VideoInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GtadHeadTest {

  private static final int K = 3;
  private static final int D = 12;
  private static NDManager manager;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
    manager.getEngine().setRandomSeed(5);
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  static GtadHead tinyHead(int classes) {
    return GtadHead.builder().setNumClasses(classes).setInputDim(D).optHiddenDim(16).optWidth(16).optSamples(4)
        .optAlignDim(32).optMapDim(16).build();
  }

  private static NDList forward(GtadHead head, NDArray features) {
    return head.forward(new ParameterStore(features.getManager(), false), new NDList(features), false);
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 7, 2, 1})
  void outputsAreBoundariesAndAStartByDurationMapForAnyL(int snippets) {
    GtadHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(2, D, snippets));
      NDList out = forward(head, m.randomNormal(new Shape(2, D, snippets)));
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 2, snippets));
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 2, snippets, snippets));
      assertThat(out.get(2).getShape()).isEqualTo(new Shape(2, K, snippets, snippets));
      assertThat(head.getOutputShapes(new Shape[] {new Shape(2, D, snippets)}))
          .containsExactly(out.get(0).getShape(), out.get(1).getShape(), out.get(2).getShape());
    }
  }

  @Test
  void theLongestCandidateBoundsTheMap() {
    GtadHead head = GtadHead.fromConfig(tinyHead(K).config().with("maxDuration", 5));
    assertThat(head.getOutputShapes(new Shape[] {new Shape(1, D, 20)})[1]).isEqualTo(new Shape(1, 2, 5, 20));
    assertThat(head.getOutputShapes(new Shape[] {new Shape(1, D, 3)})[1]).isEqualTo(new Shape(1, 2, 3, 3));
  }

  @Test
  void lossIsFiniteSplitsIntoPartsAndReachesTheFeatures() {
    GtadHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(3, D, 12));
      NDArray x = m.randomNormal(new Shape(3, D, 12));
      x.setRequiresGradient(true);
      List<VideoTargets> targets = List.of(
          VideoTargets.of(24, 12, List.of(new LabeledSegment(0, 4, 10), new LabeledSegment(2, 14, 20))),
          VideoTargets.of(6, 12, List.of(new LabeledSegment(1, 0, 6))),
          VideoTargets.of(24, 12, List.of()));  // a video without actions
      try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
        NDList out = head.forward(new ParameterStore(m, false), new NDList(x), true);
        HeadLoss loss = head.losses(out, targets);
        assertThat(loss.parts()).containsOnlyKeys("boundary", "iou", "proposal", "cls");
        float sum = 0;
        for (NDArray part : loss.parts().values()) {
          assertThat(part.getFloat()).isFinite().isGreaterThanOrEqualTo(0f);
          sum += part.getFloat();
        }
        assertThat(loss.total().getFloat()).isPositive().isCloseTo(sum, within(1e-4f));
        assertThat(loss.positives()).isPositive();
        gc.backward(loss.total());
      }
      float[] gradient = x.getGradient().toFloatArray();
      double norm = 0;
      for (float g : gradient) {
        assertThat(g).isFinite();
        norm += g * g;
      }
      assertThat(norm).isPositive();
    }
  }

  @Test
  void aBatchWithoutActionsHasAFiniteLossAndNoClassPart() {
    GtadHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(2, D, 9));
      NDList out = forward(head, m.randomNormal(new Shape(2, D, 9)));
      HeadLoss loss = head.losses(out, List.of(VideoTargets.of(10, 9, List.of()), VideoTargets.of(3, 9, List.of())));
      assertThat(loss.positives()).isZero();
      assertThat(loss.total().getFloat()).isFinite().isPositive();
      assertThat(loss.parts().get("cls").getFloat()).isZero();
    }
  }

  @Test
  void decodingGivesSegmentsInSecondsInsideTheVideo() {
    GtadHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(2, D, 10));
      NDList out = forward(head, m.randomNormal(new Shape(2, D, 10)));
      List<List<Detection>> detections = head.decode(out, List.of(new VideoInfo(20, 10), new VideoInfo(5, 10)));
      assertThat(detections).hasSize(2);
      assertThat(detections.get(0)).isNotEmpty().hasSizeLessThanOrEqualTo(100).allSatisfy(d -> {
        assertThat(d.start()).isBetween(0.0, 20.0);
        assertThat(d.end()).isBetween(d.start(), 20.0);
        assertThat(d.label()).isBetween(0, K - 1);
      });
      assertThat(detections.get(1)).allSatisfy(d -> assertThat(d.end()).isLessThanOrEqualTo(5.0));
      assertThatThrownBy(() -> head.decode(out, List.of(new VideoInfo(20, 10))))
          .hasMessageContaining("expected outputs [1, 2, L]");
      assertThatThrownBy(() -> head.decode(out, List.of(new VideoInfo(20, 10), new VideoInfo(20, 12))))
          .hasMessageContaining("L = 10");
    }
  }

  @Test
  void savedParametersLoadByKindAndGiveIdenticalOutputs(@TempDir Path dir) throws IOException, MalformedModelException {
    float[] before;
    float[] features;
    try (Model model = Model.newInstance("gtad")) {
      GtadHead head = tinyHead(K);
      model.setBlock(head);
      head.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, D, 8));
      NDArray x = model.getNDManager().randomNormal(new Shape(1, D, 8));
      features = x.toFloatArray();
      before = forward(head, x).get(1).toFloatArray();
      model.save(dir, "gtad");
    }
    try (Model model = Model.newInstance("gtad")) {
      GtadHead head = (GtadHead) TalHeads.create(GtadHead.KIND, tinyHead(K).config());
      model.setBlock(head);
      model.load(dir, "gtad");
      NDArray x = model.getNDManager().create(features, new Shape(1, D, 8));
      assertThat(forward(head, x).get(1).toFloatArray()).containsExactly(before);
    }
    try (Model model = Model.newInstance("gtad")) {
      model.setBlock(tinyHead(K + 1));
      assertThatThrownBy(() -> model.load(dir, "gtad")).isInstanceOf(MalformedModelException.class)
          .hasMessageContaining("numClasses=3").hasMessageContaining("numClasses=4");
    }
  }

  @Test
  void theFootprintGrowsWithTheSquareOfTheSnippets() {
    GtadHead head = tinyHead(K);
    try (NDManager m = manager.newSubManager()) {
      head.initialize(m, DataType.FLOAT32, new Shape(1, D, 16));
      double shorter = head.footprint(16).activations();
      double longer = head.footprint(32).activations();
      // The score map has L x L cells: doubling L nearly quadruples what the map's layers keep.
      assertThat(longer / shorter).isBetween(3.5, 4.1);
      assertThat(head.footprint(32).flops() / head.footprint(16).flops()).isBetween(3.5, 4.1);
    }
  }

  @Test
  void configAndBuilderNameTheBadValue() {
    assertThatThrownBy(() -> GtadHead.builder().setNumClasses(2).setInputDim(8).optSamples(0).build())
        .hasMessageContaining("samples must be >= 1, got 0");
    assertThatThrownBy(() -> GtadHead.builder().setNumClasses(2).setInputDim(8).optMaxDuration(-1).build())
        .hasMessageContaining("maxDuration");
    assertThatThrownBy(() -> TalHeads.create(GtadHead.KIND, HeadConfig.of(2, 8).with("levels", 3)))
        .hasMessageContaining("unknown option(s) [levels] for head kind gtad");
    GtadHead head = (GtadHead) TalHeads.create(GtadHead.KIND, HeadConfig.of(2, 8).with("samples", 4));
    assertThat(head.config().options()).containsEntry("samples", "4").containsEntry("hiddenDim", "256");
  }
}
