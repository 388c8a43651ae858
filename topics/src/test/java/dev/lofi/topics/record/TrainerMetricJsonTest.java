package dev.lofi.topics.record;

import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;

class TrainerMetricJsonTest extends JsonFormatContract<TrainerMetric> {

  @Override
  RecordSerde<TrainerMetric> serde() {
    return RecordSerdes.trainerMetric();
  }

  @Override
  Arbitrary<TrainerMetric> validValues() {
    return ArbitraryRecords.trainerMetrics();
  }
}
