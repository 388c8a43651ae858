package dev.lofi.topics.record;

import dev.lofi.topics.codec.BinaryFrame;
import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;

/** Chunks through the checkpoint topic's serde, which must route them to the binary format. */
class CheckpointChunkFormatTest extends BinaryFormatContract<CheckpointRecord> {

  @Override
  RecordSerde<CheckpointRecord> serde() {
    return RecordSerdes.checkpoint();
  }

  @Override
  BinaryFrame frame() {
    return CheckpointChunkFormat.FRAME;
  }

  @Override
  Arbitrary<CheckpointChunk> validValues() {
    return ArbitraryRecords.checkpointChunks();
  }
}
