package dev.lofi.topics.record;

import dev.lofi.topics.codec.BinaryFrame;
import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;

class FeatureSequenceFormatTest extends BinaryFormatContract<FeatureSequence> {

  @Override
  RecordSerde<FeatureSequence> serde() {
    return RecordSerdes.featureSequence();
  }

  @Override
  BinaryFrame frame() {
    return FeatureSequenceFormat.FRAME;
  }

  @Override
  Arbitrary<FeatureSequence> validValues() {
    return ArbitraryRecords.featureSequences();
  }
}
