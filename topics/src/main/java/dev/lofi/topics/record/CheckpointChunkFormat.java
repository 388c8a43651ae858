package dev.lofi.topics.record;

import dev.lofi.topics.codec.BinaryFrame;
import dev.lofi.topics.codec.BodyFormat;
import dev.lofi.topics.codec.FrameBody;
import dev.lofi.topics.codec.FrameBodyWriter;

/**
 * Body layout of {@link CheckpointChunk} records, frame {@code LOFK} version 1: model, version
 * (strings), index, count, byte length (int32), bytes.
 */
final class CheckpointChunkFormat implements BodyFormat<CheckpointChunk> {

  static final BinaryFrame FRAME = new BinaryFrame("LOFK", 1);

  @Override
  public void write(CheckpointChunk chunk, FrameBodyWriter body) {
    body.writeString("model", chunk.model())
        .writeString("version", chunk.version())
        .writeInt(chunk.index())
        .writeInt(chunk.count())
        .writeInt(chunk.bytes().length)
        .writeBytes(chunk.bytes());
  }

  @Override
  public CheckpointChunk read(FrameBody body) {
    String model = body.readString("model");
    String version = body.readString("version");
    int index = body.readInt("index");
    int count = body.readInt("count");
    byte[] bytes = body.readBytes("bytes", body.readInt("byteLength"));
    return new CheckpointChunk(model, version, index, count, bytes);
  }
}
