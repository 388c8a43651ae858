package dev.lofi.localizer.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lofi.model.checkpoint.NetworkCheckpoint;
import dev.lofi.model.encoder.SnippetTensor;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.VideoInfo;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.record.ClipSnippet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InferenceModelTest {

  private static final int SNIPPETS = 6;

  @Test
  void snippetsEncodedOneByOneThenLocalizedFindWhatTheWholeNetworkFinds() {
    Checkpoint checkpoint = TestCheckpoints.tiny("m", "head", 3);
    List<ClipSnippet> snippets = IntStream.range(0, SNIPPETS).mapToObj(i -> TestCheckpoints.snippet("v", i, 1)).toList();
    try (InferenceModel model = InferenceModel.load(checkpoint);
         NDManager manager = NDManager.newBaseManager()) {
      List<Float> streamed = new ArrayList<>();
      for (ClipSnippet snippet : snippets) {
        for (float value : model.encode(List.of(snippet))) {
          streamed.add(value);
        }
      }
      float[] features = new float[streamed.size()];
      IntStream.range(0, features.length).forEach(i -> features[i] = streamed.get(i));
      List<Detection> live = model.localize(features, SNIPPETS, SNIPPETS);

      Shape input = new Shape(1, SNIPPETS, TestCheckpoints.FRAMES, 3, TestCheckpoints.FRAME_SIZE,
          TestCheckpoints.FRAME_SIZE);
      LocalizationNetwork whole = NetworkCheckpoint.load(manager, checkpoint, input);
      NDList outputs = whole.forward(new ParameterStore(manager, false), new NDList(SnippetTensor.batchFromRgb(manager,
          snippets.stream().map(ClipSnippet::payload).toList(), TestCheckpoints.FRAMES, TestCheckpoints.FRAME_SIZE,
          TestCheckpoints.FRAME_SIZE).reshape(input)), false);
      List<Detection> offline = whole.head().decode(outputs, List.of(new VideoInfo(SNIPPETS, SNIPPETS))).get(0);

      assertThat(live).hasSameSizeAs(offline).isNotEmpty();
      for (int i = 0; i < live.size(); i++) {
        assertThat(live.get(i).label()).isEqualTo(offline.get(i).label());
        assertThat(live.get(i).start()).isCloseTo(offline.get(i).start(), within(1e-4));
        assertThat(live.get(i).end()).isCloseTo(offline.get(i).end(), within(1e-4));
        assertThat(live.get(i).score()).isCloseTo(offline.get(i).score(), within(1e-5));
      }
    }
  }

  @Test
  void aPretrainingCheckpointIsRefusedBecauseItsHeadNeverLearntToLocalize() {
    assertThatThrownBy(() -> InferenceModel.load(TestCheckpoints.tiny("m", "pretrain", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("m@pretrain-").hasMessageContaining("stage 'pretrain'");
  }

  @Test
  void aSnippetOfAnotherLengthIsRefusedNamingItsShape() {
    ClipSnippet good = TestCheckpoints.snippet("cam", 0, 1);
    ClipSnippet longer = new ClipSnippet("cam", "full", 1, ClipSnippet.UNKNOWN_COUNT, 1, 2, 0, false, false, 4,
        good.height(), good.width(), 3, good.dtype(), new byte[4 * good.height() * good.width() * 3]);
    try (InferenceModel model = InferenceModel.load(TestCheckpoints.tiny("m", "lofi", 1))) {
      assertThat(model.encode(List.of(good))).hasSize(model.featureDim());
      assertThatThrownBy(() -> model.encode(List.of(longer)))
          .hasMessageContaining("snippet 1 of 'cam' is 4x16x16x3").hasMessageContaining("of 2 frames");
    }
  }
}
