package dev.lofi.topics.record;

import dev.lofi.topics.codec.BinaryFrame;
import dev.lofi.topics.codec.BodyFormat;
import dev.lofi.topics.codec.FrameBody;
import dev.lofi.topics.codec.FrameBodyWriter;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;

/**
 * Body layout of {@link ClipSnippet} records, frame {@code LOFC} version 1: videoId, fidelity
 * (strings), snippetIndex, snippetCount (int32), mediaStart, mediaEnd (float64),
 * captureEpochMillis (int64), flags (u8: bit 0 end of stream, bit 1 discontinuity), frames,
 * height, width, channels (int32), dtype code (u8), payload length (int32), payload.
 */
final class ClipSnippetFormat implements BodyFormat<ClipSnippet> {

  static final BinaryFrame FRAME = new BinaryFrame("LOFC", 1);

  private static final int END_OF_STREAM = 1;
  private static final int DISCONTINUITY = 1 << 1;
  private static final int KNOWN_FLAGS = END_OF_STREAM | DISCONTINUITY;

  @Override
  public void write(ClipSnippet clip, FrameBodyWriter body) {
    int flags = (clip.endOfStream() ? END_OF_STREAM : 0) | (clip.discontinuity() ? DISCONTINUITY : 0);
    body.writeString("videoId", clip.videoId())
        .writeString("fidelity", clip.fidelity())
        .writeInt(clip.snippetIndex())
        .writeInt(clip.snippetCount())
        .writeDouble(clip.mediaStart())
        .writeDouble(clip.mediaEnd())
        .writeLong(clip.captureEpochMillis())
        .writeU8(flags)
        .writeInt(clip.frames())
        .writeInt(clip.height())
        .writeInt(clip.width())
        .writeInt(clip.channels())
        .writeU8(clip.dtype().code())
        .writeInt(clip.payload().length)
        .writeBytes(clip.payload());
  }

  @Override
  public ClipSnippet read(FrameBody body) {
    String videoId = body.readString("videoId");
    String fidelity = body.readString("fidelity");
    int snippetIndex = body.readInt("snippetIndex");
    int snippetCount = body.readInt("snippetCount");
    double mediaStart = body.readDouble("mediaStart");
    double mediaEnd = body.readDouble("mediaEnd");
    long captureEpochMillis = body.readLong("captureEpochMillis");
    int flags = body.readU8("flags");
    if ((flags & ~KNOWN_FLAGS) != 0) {
      // A new flag changes meaning, so it comes with a new version rather than being ignored.
      throw new IllegalArgumentException(String.format("flags has unknown bits set: 0x%02X", flags));
    }
    int frames = body.readInt("frames");
    int height = body.readInt("height");
    int width = body.readInt("width");
    int channels = body.readInt("channels");
    DType dtype = DType.fromCode(body.readU8("dtype"));
    int payloadLength = body.readInt("payloadLength");
    // Checked before the payload, so that a shape the payload disagrees with is named as such.
    ClipSnippet.payloadMismatch(frames, height, width, channels, dtype, payloadLength).ifPresent(message -> {
      throw new RecordFormatException(Reason.SHAPE_MISMATCH, FRAME.name() + ": " + message);
    });
    byte[] payload = body.readBytes("payload", payloadLength);
    return new ClipSnippet(videoId, fidelity, snippetIndex, snippetCount, mediaStart, mediaEnd,
        captureEpochMillis, (flags & END_OF_STREAM) != 0, (flags & DISCONTINUITY) != 0,
        frames, height, width, channels, dtype, payload);
  }
}
