package dev.lofi.trainer.bench;

/**
 * What one joint training step at one fidelity costs.
 *
 * @param peakBytes the step's peak resident memory above what the process held before it
 * @param stepSeconds the median wall time of a step
 * @param stepFlops the step's floating-point operations: its convolutions' forward pass, three
 *     times (forward, the input's gradient, the weights' gradient), as papers count a step
 */
public record StepCost(long peakBytes, double stepSeconds, double stepFlops) {

  /** Backward costs about twice the forward pass: one product for the input's gradient, one for the weights'. */
  static final int PASSES_PER_STEP = 3;

  /** The step's pace, in billions of operations a second. */
  public double gflopsPerSecond() {
    return stepFlops / stepSeconds / 1e9;
  }
}
