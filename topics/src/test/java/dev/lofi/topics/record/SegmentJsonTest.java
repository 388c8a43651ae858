package dev.lofi.topics.record;

import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;

class SegmentJsonTest extends JsonFormatContract<Segment> {

  @Override
  RecordSerde<Segment> serde() {
    return RecordSerdes.segment();
  }

  @Override
  Arbitrary<Segment> validValues() {
    return ArbitraryRecords.segments();
  }
}
