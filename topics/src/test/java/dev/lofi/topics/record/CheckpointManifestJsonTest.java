package dev.lofi.topics.record;

import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;

/** Manifests through the checkpoint topic's serde, which must route them to JSON. */
class CheckpointManifestJsonTest extends JsonFormatContract<CheckpointRecord> {

  @Override
  RecordSerde<CheckpointRecord> serde() {
    return RecordSerdes.checkpoint();
  }

  @Override
  Arbitrary<CheckpointManifest> validValues() {
    return ArbitraryRecords.checkpointManifests();
  }
}
