package dev.lofi.topics.record;

import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;

class ModelDecisionJsonTest extends JsonFormatContract<ModelDecision> {

  @Override
  RecordSerde<ModelDecision> serde() {
    return RecordSerdes.modelDecision();
  }

  @Override
  Arbitrary<ModelDecision> validValues() {
    return ArbitraryRecords.modelDecisions();
  }
}
