package dev.lofi.ingest.live;

import dev.lofi.ingest.decode.DecodedFrame;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a live stream into consecutive snippets: T frames each, {@code frameStride} source frames
 * apart by media time ({@code stride / fps} seconds), one snippet straight after the other. The
 * frame times form a grid anchored at the first frame after each {@link #start}; each grid time
 * takes the frame nearest to it, or the next converted one if the decoder skipped that frame.
 * Computing every grid time from the anchor, not by adding strides, keeps snippets exactly
 * contiguous however long the stream runs.
 */
public final class LiveSnippetter {

  private static final int CHANNELS = 3;

  private final String streamId;
  private final Fidelity fidelity;
  private final int frameBytes;
  private double strideSeconds = Double.NaN;
  private double halfFrame;
  // Media time of grid time 0; NaN until the first converted frame after a start.
  private double anchor = Double.NaN;
  // Grid times filled since the anchor; the snippet being filled began at the last multiple of T.
  private long filled;
  private byte[] payload;
  private int nextIndex;
  private boolean discontinuity;

  /** Snippets of {@code streamId} at {@code fidelity}; frames must be {@code frameSize} squared RGB. */
  public LiveSnippetter(String streamId, Fidelity fidelity) {
    this.streamId = streamId;
    this.fidelity = fidelity;
    this.frameBytes = fidelity.frameSize() * fidelity.frameSize() * CHANNELS;
  }

  /**
   * Starts over at the next converted frame, with frames at {@code fps}: the unfinished snippet is
   * dropped, since its frames would straddle the break. After a gap (a reconnect, a jump in the
   * source's clock) the next snippet is marked as a discontinuity.
   */
  public void start(double fps, boolean afterGap) {
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("frame rate must be positive, got " + fps);
    }
    strideSeconds = fidelity.frameStride() / fps;
    halfFrame = 0.5 / fps;
    anchor = Double.NaN;
    filled = 0;
    payload = null;
    discontinuity |= afterGap;
  }

  /**
   * Whether a frame expected at about {@code mediaSeconds} is needed, so worth converting to RGB.
   * A frame whose time cannot be foreseen (NaN) is converted.
   */
  public boolean wants(double mediaSeconds) {
    return Double.isNaN(anchor) || Double.isNaN(mediaSeconds) || gridTime(filled) < mediaSeconds + 2 * halfFrame;
  }

  /**
   * Takes a frame for the grid times it is nearest to, and returns the snippets it finished
   * (usually none or one). Frames without RGB take none.
   *
   * @param captureEpochMillis when the frame was read (or was due); a snippet carries its last frame's
   */
  public List<ClipSnippet> accept(DecodedFrame frame, long captureEpochMillis) {
    if (Double.isNaN(strideSeconds)) {
      throw new IllegalStateException("start() must come before the first frame");
    }
    if (!frame.converted()) {
      return List.of();
    }
    if (frame.rgb().length != frameBytes) {
      throw new IllegalArgumentException("expected " + fidelity.frameSize() + "x" + fidelity.frameSize()
          + " RGB (" + frameBytes + " bytes), got " + frame.rgb().length + " bytes");
    }
    if (Double.isNaN(anchor)) {
      anchor = frame.mediaSeconds();
    }
    List<ClipSnippet> finished = new ArrayList<>(1);
    int framesPerSnippet = fidelity.framesPerSnippet();
    while (gridTime(filled) < frame.mediaSeconds() + halfFrame) {
      int slot = (int) (filled % framesPerSnippet);
      if (slot == 0) {
        payload = new byte[Math.toIntExact(fidelity.snippetBytes())];
      }
      System.arraycopy(frame.rgb(), 0, payload, slot * frameBytes, frameBytes);
      filled++;
      if (slot == framesPerSnippet - 1) {
        finished.add(snippet(filled - framesPerSnippet, captureEpochMillis));
      }
    }
    return finished;
  }

  /** The index the next snippet gets, which is also the end marker's once the stream ends. */
  public int nextIndex() {
    return nextIndex;
  }

  private ClipSnippet snippet(long firstGridTime, long captureEpochMillis) {
    int size = fidelity.frameSize();
    ClipSnippet snippet = new ClipSnippet(streamId, fidelity.name(), nextIndex++, ClipSnippet.UNKNOWN_COUNT,
        gridTime(firstGridTime), gridTime(firstGridTime + fidelity.framesPerSnippet()), captureEpochMillis,
        false, discontinuity, fidelity.framesPerSnippet(), size, size, CHANNELS, DType.UINT8, payload);
    payload = null;
    discontinuity = false;
    return snippet;
  }

  private double gridTime(long index) {
    return anchor + index * strideSeconds;
  }
}
