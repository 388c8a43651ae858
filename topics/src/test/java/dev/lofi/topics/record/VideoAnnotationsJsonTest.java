package dev.lofi.topics.record;

import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;

class VideoAnnotationsJsonTest extends JsonFormatContract<VideoAnnotations> {

  @Override
  RecordSerde<VideoAnnotations> serde() {
    return RecordSerdes.videoAnnotations();
  }

  @Override
  Arbitrary<VideoAnnotations> validValues() {
    return ArbitraryRecords.videoAnnotations();
  }
}
