package dev.lofi.topics.record;

import dev.lofi.topics.codec.BinaryFrame;
import dev.lofi.topics.codec.BodyFormat;
import dev.lofi.topics.codec.FrameBody;
import dev.lofi.topics.codec.FrameBodyWriter;

/**
 * Body layout of {@link FeatureSequence} records, frame {@code LOFF} version 1: videoId,
 * modelVersion (strings), durationSeconds (float64), snippetCount, dim (int32), then the
 * {@code snippetCount * dim} values as float32.
 */
final class FeatureSequenceFormat implements BodyFormat<FeatureSequence> {

  static final BinaryFrame FRAME = new BinaryFrame("LOFF", 1);

  @Override
  public void write(FeatureSequence features, FrameBodyWriter body) {
    body.writeString("videoId", features.videoId())
        .writeString("modelVersion", features.modelVersion())
        .writeDouble(features.durationSeconds())
        .writeInt(features.snippetCount())
        .writeInt(features.dim())
        .writeFloats(features.values());
  }

  @Override
  public FeatureSequence read(FrameBody body) {
    String videoId = body.readString("videoId");
    String modelVersion = body.readString("modelVersion");
    double durationSeconds = body.readDouble("durationSeconds");
    int snippetCount = body.readInt("snippetCount");
    int dim = body.readInt("dim");
    float[] values = body.readFloats("values", FeatureSequence.valueCount(snippetCount, dim));
    return new FeatureSequence(videoId, modelVersion, durationSeconds, snippetCount, dim, values);
  }
}
