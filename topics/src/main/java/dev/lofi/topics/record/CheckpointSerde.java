package dev.lofi.topics.record;

import dev.lofi.topics.codec.BinarySerde;
import dev.lofi.topics.codec.JsonSerde;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import dev.lofi.topics.codec.RecordSerde;

/**
 * The serde of the checkpoint topic, which carries two formats: JSON manifests and binary chunks.
 * The first bytes tell them apart: a JSON object starts with {@code '{'}, a chunk with its magic.
 */
final class CheckpointSerde extends RecordSerde<CheckpointRecord> {

  private final JsonSerde<CheckpointManifest> manifests = new JsonSerde<>(CheckpointManifest.class);
  private final BinarySerde<CheckpointChunk> chunks =
      new BinarySerde<>(CheckpointChunkFormat.FRAME, new CheckpointChunkFormat());

  @Override
  public byte[] encode(CheckpointRecord record) {
    if (record instanceof CheckpointChunk chunk) {
      return chunks.encode(chunk);
    }
    return manifests.encode((CheckpointManifest) record);
  }

  @Override
  public CheckpointRecord decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new RecordFormatException(Reason.EMPTY, "checkpoint record has no bytes");
    }
    if (bytes[0] == '{') {
      return manifests.decode(bytes);
    }
    if (chunks.frame().claims(bytes)) {
      return chunks.decode(bytes);
    }
    throw new RecordFormatException(Reason.BAD_MAGIC, String.format(
        "checkpoint record starts with 0x%02X: neither a JSON manifest ('{') nor a %s chunk",
        bytes[0], chunks.frame().name()));
  }
}
