package dev.lofi.topics.record;

import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;

class VideoMetadataJsonTest extends JsonFormatContract<VideoMetadata> {

  @Override
  RecordSerde<VideoMetadata> serde() {
    return RecordSerdes.videoMetadata();
  }

  @Override
  Arbitrary<VideoMetadata> validValues() {
    return ArbitraryRecords.videoMetadata();
  }
}
