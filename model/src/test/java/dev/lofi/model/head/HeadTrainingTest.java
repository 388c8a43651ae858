package dev.lofi.model.head;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lofi.model.head.gtad.GtadHead;
import dev.lofi.model.segment.Detection;
import dev.lofi.model.segment.LabeledSegment;
import dev.lofi.model.segment.SegmentIou;
import dev.lofi.model.segment.VideoInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A few optimiser steps on a tiny batch whose features carry the answer, for every head kind. */
class HeadTrainingTest {

  private static final int K = 2;
  private static final int D = 6;        // channel k: inside an action of class k; the rest noise
  private static final int L = 32;
  private static final double DURATION = 64;  // 2 s per snippet

  private static final List<VideoTargets> TARGETS = List.of(
      VideoTargets.of(DURATION, L, List.of(new LabeledSegment(0, 8, 24), new LabeledSegment(1, 40, 52))),
      VideoTargets.of(DURATION, L, List.of(new LabeledSegment(1, 0, 20))),
      VideoTargets.of(DURATION, L, List.of(new LabeledSegment(0, 30, 60))),
      VideoTargets.of(DURATION, L, List.of(new LabeledSegment(0, 10, 14), new LabeledSegment(1, 20, 40))));

  /** Each registered kind at a size that trains in a second. */
  private static final Map<String, HeadConfig> TINY = Map.of(
      TalHeads.ANCHOR_FREE, HeadConfig.of(K, D).with("embedDim", 16).with("levels", 3).with("headLayers", 2),
      GtadHead.KIND, HeadConfig.of(K, D).with("hiddenDim", 16).with("width", 16).with("samples", 4)
          .with("alignDim", 32).with("mapDim", 16));

  @Test
  void everyKindHasATinyConfigHere() {
    assertThat(TINY.keySet()).isEqualTo(TalHeads.kinds());
  }

  @ParameterizedTest
  @ValueSource(strings = {TalHeads.ANCHOR_FREE, GtadHead.KIND})
  void lossFallsAndDetectionsFindTheActions(String kind) {
    float[] features = features();
    List<Float> losses = new ArrayList<>();
    try (Model model = Model.newInstance(kind)) {
      model.getNDManager().getEngine().setRandomSeed(11);
      TalHead head = TalHeads.create(kind, TINY.get(kind));
      model.setBlock(head);
      // The head computes its own loss from structured targets; the config's Loss is not used.
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(TARGETS.size(), D, L));
        for (int step = 0; step < 50; step++) {
          try (NDManager stepManager = trainer.getManager().newSubManager()) {
            NDArray x = stepManager.create(features, new Shape(TARGETS.size(), D, L));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList out = trainer.forward(new NDList(x));
              NDArray loss = head.loss(out, TARGETS);
              losses.add(loss.getFloat());
              gc.backward(loss);
            }
            trainer.step();
          }
        }
        try (NDManager eval = trainer.getManager().newSubManager()) {
          NDList out = trainer.evaluate(new NDList(eval.create(features, new Shape(TARGETS.size(), D, L))));
          List<List<Detection>> detections = head.decode(out,
              TARGETS.stream().map(VideoTargets::video).toList());
          Detection best = detections.get(2).get(0);  // video 2: class 0 over [30 s, 60 s]
          assertThat(best.label()).isZero();
          assertThat(SegmentIou.iou(best.start(), best.end(), 30, 60)).isGreaterThan(0.5);
        }
      }
    }
    float first = losses.get(0);
    float last = (float) losses.subList(45, 50).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    assertThat(losses).allSatisfy(l -> assertThat(l).isFinite());
    assertThat(last).as("%s loss after 50 steps, from %s", kind, losses).isLessThan(0.5f * first);
  }

  private static float[] features() {
    Random random = new Random(3);
    float[] x = new float[TARGETS.size() * D * L];
    for (int b = 0; b < TARGETS.size(); b++) {
      VideoInfo video = TARGETS.get(b).video();
      for (int t = 0; t < L; t++) {
        double time = video.toSeconds(t);
        for (int c = 0; c < D; c++) {
          x[(b * D + c) * L + t] = (float) (0.1 * random.nextGaussian());
        }
        for (LabeledSegment s : TARGETS.get(b).segments()) {
          if (time >= s.start() && time < s.end()) {
            x[(b * D + s.label()) * L + t] += 1f;
          }
        }
      }
    }
    return x;
  }
}
