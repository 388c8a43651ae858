package dev.lofi.cli.monitoring;

import dev.lofi.topics.record.TrainerMetric;
import dev.lofi.trainer.metrics.StageListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A training run's meters: the stage, its step and epoch, the last loss, learning rate and validation mAP. */
public final class TrainerMeters implements StageListener {

  private final MeterRegistry registry;
  private final AtomicLong step = new AtomicLong();
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicReference<Double> loss = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> learningRate = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> averageMap = new AtomicReference<>(Double.NaN);
  private final MultiGauge stage;
  private volatile String running = "none";

  public TrainerMeters(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("lofi.trainer.step", step, AtomicLong::get).description("optimizer steps of the stage so far")
        .register(registry);
    Gauge.builder("lofi.trainer.epoch", epoch, AtomicLong::get).description("epochs of the stage completed")
        .register(registry);
    Gauge.builder("lofi.trainer.loss", loss, value -> value.get()).description("the last step's training loss")
        .register(registry);
    Gauge.builder("lofi.trainer.learning.rate", learningRate, value -> value.get())
        .description("the learning rate in force").register(registry);
    Gauge.builder("lofi.trainer.validation.map", averageMap, value -> value.get())
        .description("the last epoch's validation mAP (NaN without a validation subset)").register(registry);
    stage = MultiGauge.builder("lofi.trainer.stage").description("1 for the stage running").register(registry);
  }

  /** The stage running, {@code none} before the first. */
  public String stage() {
    return running;
  }

  /** Steps of the stage so far. */
  public long step() {
    return step.get();
  }

  @Override
  public void stageStarted(String name, int epochs, int stepsPerEpoch) {
    running = name;
    step.set(0);
    epoch.set(0);
    stage.register(List.of(MultiGauge.Row.of(Tags.of("stage", name), 1)), true);
  }

  @Override
  public void stepFinished(TrainerMetric metric) {
    step.set(metric.step());
    if (metric.loss() != null) {
      loss.set(metric.loss());
    }
    if (metric.learningRate() != null) {
      learningRate.set(metric.learningRate());
    }
    Counter.builder("lofi.trainer.steps").description("optimizer steps").tag("stage", metric.stage())
        .register(registry).increment();
  }

  @Override
  public void epochFinished(TrainerMetric metric) {
    epoch.set(metric.epoch());
    if (metric.averageMap() != null) {
      averageMap.set(metric.averageMap());
    }
  }
}
