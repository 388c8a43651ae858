package dev.lofi.topics.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One measurement of a training run, after a step or an epoch. Fields a stage does not measure
 * are null.
 *
 * @param run the run id, the record key
 * @param stage the training stage, e.g. {@code pretrain}, {@code lofi}, {@code head}
 * @param kind whether this closes a step or an epoch
 * @param epoch epochs completed before this measurement
 * @param step optimizer steps completed
 * @param fidelity the fidelity trained at, or null
 * @param loss training loss, or null
 * @param learningRate learning rate in force, or null
 * @param stepSeconds wall time of one step, or null
 * @param peakBytes the trainer process's peak resident memory during the step (native tensors included), or null
 * @param averageMap validation mAP averaged over tIoU thresholds, or null
 * @param accuracy classification accuracy on the training clips (pre-training's epochs), or null
 * @param validationAccuracy classification accuracy on the validation videos' segments
 *     (pre-training's epochs, where a validation subset exists), or null
 * @param gradientNorm the step's global L2 gradient norm before clipping, or null (not computed,
 *     or not finite: then the step was skipped)
 * @param skippedSteps steps of the stage skipped so far because a loss or gradient was not finite,
 *     or null
 * @param time when it was measured
 */
public record TrainerMetric(
    String run,
    String stage,
    Kind kind,
    int epoch,
    long step,
    String fidelity,
    Double loss,
    Double learningRate,
    Double stepSeconds,
    Long peakBytes,
    Double averageMap,
    Double accuracy,
    Double validationAccuracy,
    Double gradientNorm,
    Long skippedSteps,
    Instant time) {

  /** What a measurement closes; lower-case in JSON. */
  public enum Kind {
    @JsonProperty("step")
    STEP,
    @JsonProperty("epoch")
    EPOCH
  }

  public TrainerMetric {
    Require.nonNull("run", run);
    Require.nonBlank("stage", stage);
    Require.nonNull("kind", kind);
    Require.atLeast("epoch", epoch, 0);
    Require.atLeast("step", step, 0);
    if (fidelity != null) {
      Require.nonBlank("fidelity", fidelity);
    }
    if (loss != null) {
      Require.finite("loss", loss);
    }
    if (learningRate != null) {
      Require.finiteAtLeast("learningRate", learningRate, 0);
    }
    if (stepSeconds != null) {
      Require.finiteAtLeast("stepSeconds", stepSeconds, 0);
    }
    if (peakBytes != null) {
      Require.atLeast("peakBytes", peakBytes, 0);
    }
    if (averageMap != null) {
      Require.unitInterval("averageMap", averageMap);
    }
    if (accuracy != null) {
      Require.unitInterval("accuracy", accuracy);
    }
    if (validationAccuracy != null) {
      Require.unitInterval("validationAccuracy", validationAccuracy);
    }
    if (gradientNorm != null) {
      Require.finiteAtLeast("gradientNorm", gradientNorm, 0);
    }
    if (skippedSteps != null) {
      Require.atLeast("skippedSteps", skippedSteps, 0);
    }
    Require.nonNull("time", time);
  }
}
