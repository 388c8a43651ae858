package dev.lofi.trainer.bench;

/**
 * What one joint training step at one fidelity costs.
 *
 * @param peakBytes the step's peak resident memory above what the process held before it
 * @param stepSeconds the median wall time of a step
 */
public record StepCost(long peakBytes, double stepSeconds) {}
