package dev.lofi.model.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.SoftNms;
import dev.lofi.model.segment.VideoInfo;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding of hand-made outputs: the network plays no part. */
class DecodeTest {

  private static final int K = 2;
  private static final int L = 8;          // levels 2: points 0..7 at stride 1, 8..11 at stride 2
  private static final int P = 12;

  private static AnchorFreeHead head(DecodeConfig decoding) {
    return AnchorFreeHead.builder().setNumClasses(K).setInputDim(4).optLevels(2).optDecoding(decoding).build();
  }

  /** Video 0 has three confident points; video 1 none. 16 s over 8 snippets: 2 s per snippet. */
  private static NDList outputs(NDManager m) {
    float[] cls = new float[2 * P * K];
    Arrays.fill(cls, -20f);
    float[] reg = new float[2 * P * 2];
    set(cls, reg, 3, 1, 4f, 1, 2);        // x 3, stride 1: positions [2, 5] -> [5 s, 11 s]
    set(cls, reg, 8 + 2, 0, 2f, 1, 1);    // x 4, stride 2: positions [2, 6] -> [5 s, 13 s]
    set(cls, reg, 7, 0, 1f, 10, 10);      // x 7: positions [-3, 17] -> [-5 s, 35 s], clipped to [0, 16]
    return new NDList(m.create(cls, new Shape(2, P, K)), m.create(reg, new Shape(2, P, 2)));
  }

  private static void set(float[] cls, float[] reg, int point, int label, float logit, float left, float right) {
    cls[point * K + label] = logit;
    reg[point * 2] = left;
    reg[point * 2 + 1] = right;
  }

  @Test
  void pointsAndOffsetsBecomeSecondsAfterSoftNms() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<List<Detection>> out = head(DecodeConfig.DEFAULT)
          .decode(outputs(m), List.of(new VideoInfo(16, L), new VideoInfo(16, L)));
      assertThat(out).hasSize(2);
      List<Detection> video = out.get(0);
      assertThat(video).hasSize(3);
      assertDetection(video.get(0), 1, 5, 11, 1 / (1 + Math.exp(-4)));       // 0.982014
      assertDetection(video.get(1), 0, 5, 13, 1 / (1 + Math.exp(-2)));       // 0.880797
      // [0, 16] overlaps [5, 13] of its class with tIoU 0.5: 0.731059 exp(-0.25 / 0.5) = 0.443409
      assertDetection(video.get(2), 0, 0, 16, 1 / (1 + Math.exp(-1)) * Math.exp(-0.5));
      assertThat(out.get(1)).isEmpty();
    }
  }

  @Test
  void capsDetectionsPerVideo() {
    try (NDManager m = NDManager.newBaseManager()) {
      DecodeConfig two = DecodeConfig.DEFAULT.withNms(new SoftNms(0.5, 0.001, 2));
      List<Detection> video = head(two).decode(outputs(m), List.of(new VideoInfo(16, L), new VideoInfo(16, L))).get(0);
      assertThat(video).extracting(Detection::label).containsExactly(1, 0);
    }
  }

  @Test
  void neverMoreThanAHundredFromDenseScores() {
    try (NDManager m = NDManager.newBaseManager()) {
      int snippets = 100;
      int points = PointPyramid.size(snippets, 2);
      NDList dense = new NDList(m.randomUniform(0f, 5f, new Shape(1, points, K)),
          m.randomUniform(0f, 3f, new Shape(1, points, 2)));
      List<Detection> video = head(DecodeConfig.DEFAULT).decode(dense, List.of(new VideoInfo(30, snippets))).get(0);
      assertThat(video).hasSize(100);
      for (int i = 0; i < video.size(); i++) {
        assertThat(video.get(i).start()).isBetween(0.0, 30.0);
        assertThat(video.get(i).end()).isBetween(video.get(i).start(), 30.0);
        if (i > 0) {
          assertThat(video.get(i).score()).isLessThanOrEqualTo(video.get(i - 1).score());
        }
      }
    }
  }

  private static void assertDetection(Detection d, int label, double start, double end, double score) {
    assertThat(d.label()).isEqualTo(label);
    assertThat(d.start()).isCloseTo(start, within(1e-5));
    assertThat(d.end()).isCloseTo(end, within(1e-5));
    assertThat(d.score()).isCloseTo(score, within(1e-6));
  }
}
