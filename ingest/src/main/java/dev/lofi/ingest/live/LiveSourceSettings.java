package dev.lofi.ingest.live;

import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.Locale;

/**
 * What a live ingest reads and how, validated once.
 *
 * @param source the file, camera or URL
 * @param streamId the stream's id: the record key on {@code lofi.live.clips}
 * @param fidelity the full fidelity of the preset: T frames {@code frameStride} apart, S x S
 * @param reading how the source is read: paced, looped, opened again
 */
public record LiveSourceSettings(LiveSource source, String streamId, Fidelity fidelity, Reading reading) {

  /**
   * How a source is read.
   *
   * @param realtime pace a file at its frame rate instead of reading it as fast as it decodes
   * @param loop start a file over when it ends, with media time going on
   * @param retry how a source that fails is opened again; null for {@link RetryPolicy#defaultFor}
   */
  public record Reading(boolean realtime, boolean loop, RetryPolicy retry) {

    /** Once, as fast as it decodes, never opened again: a file localized or measured. */
    public static final Reading ONCE = new Reading(false, false, RetryPolicy.withMaxRetries(0));
  }

  /** Kafka takes longer keys, but a stream id also names the stream in every snippet header. */
  public static final int MAX_STREAM_ID_LENGTH = 255;

  public LiveSourceSettings {
    if (source == null) {
      throw new IllegalArgumentException("no live source given");
    }
    if (streamId == null || streamId.isBlank() || streamId.length() > MAX_STREAM_ID_LENGTH) {
      throw new IllegalArgumentException("stream id must be 1.." + MAX_STREAM_ID_LENGTH
          + " characters and not blank, got '" + streamId + "'");
    }
    if (fidelity == null || !FidelityPreset.FULL.equals(fidelity.name())) {
      throw new IllegalArgumentException("live snippets are full fidelity, got fidelity "
          + (fidelity == null ? null : "'" + fidelity.name() + "'"));
    }
    if (reading == null) {
      throw new IllegalArgumentException("no way of reading " + source + " given");
    }
    if ((reading.realtime() || reading.loop()) && !source.finite()) {
      throw new IllegalArgumentException("pacing and looping apply to files; " + source
          + " is a live source (" + source.kind().name().toLowerCase(Locale.ROOT) + ") that paces itself");
    }
    if (reading.retry() == null) {
      reading = new Reading(reading.realtime(), reading.loop(), RetryPolicy.defaultFor(source));
    }
  }
}
