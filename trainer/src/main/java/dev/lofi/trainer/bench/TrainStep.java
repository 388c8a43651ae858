package dev.lofi.trainer.bench;

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
import dev.lofi.model.head.VideoTargets;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.segment.LabeledSegment;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.trainer.memory.ActivationWalk;
import dev.lofi.trainer.memory.PeakMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One joint encoder-and-head training step of a batch of videos at one fidelity, measured: the
 * step's peak resident memory above what the process held before it, its wall time and its
 * operations (counted from the network's shapes). Inputs are
 * random (the cost of a step does not depend on the pixels); each video has two ground-truth
 * segments.
 */
final class TrainStep {

  private TrainStep() {}

  /** Runs {@code steps} steps (the first one untimed) and returns the peak and the median step time. */
  static StepCost measure(NetworkConfig config, Fidelity fidelity, int batch, int steps) {
    try (Model model = Model.newInstance("bench-" + fidelity.name())) {
      LocalizationNetwork network = config.build();
      model.setBlock(network);
      DefaultTrainingConfig training = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).optMomentum(0.9f).build());
      Shape input = new Shape(batch, fidelity.snippets(), fidelity.framesPerSnippet(), 3, fidelity.frameSize(),
          fidelity.frameSize());
      List<VideoTargets> targets = new ArrayList<>();
      for (int v = 0; v < batch; v++) {
        targets.add(VideoTargets.of(60.0, fidelity.snippets(),
            List.of(new LabeledSegment(0, 5 + v, 20 + v), new LabeledSegment(1, 30, 50))));
      }
      try (Trainer trainer = model.newTrainer(training)) {
        trainer.initialize(input);
        PeakMemory.Window memory = PeakMemory.window();
        double[] seconds = new double[steps];
        for (int i = 0; i < steps; i++) {
          long start = System.nanoTime();
          step(trainer, network, input, targets);
          seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        long peak = memory.peakAbove().orElse(0);
        double[] timed = Arrays.copyOfRange(seconds, steps > 1 ? 1 : 0, steps);
        Arrays.sort(timed);
        double flops = StepCost.PASSES_PER_STEP * batch * ActivationWalk.perVideo(network, fidelity).forwardFlops();
        return new StepCost(peak, timed[timed.length / 2], flops);
      }
    }
  }

  private static void step(Trainer trainer, LocalizationNetwork network, Shape input, List<VideoTargets> targets) {
    // One sub-manager per step: every array of the step is freed when it closes (stack.md).
    try (NDManager step = trainer.getManager().newSubManager()) {
      NDArray videos = step.randomNormal(input);
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDList out = trainer.forward(new NDList(videos));
        gc.backward(network.head().loss(out, targets));
      }
      trainer.step();
    }
  }
}
