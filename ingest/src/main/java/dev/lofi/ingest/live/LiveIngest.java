package dev.lofi.ingest.live;

import dev.lofi.ingest.decode.DecodedFrame;
import dev.lofi.ingest.decode.NextFrameTime;
import dev.lofi.ingest.decode.VideoDecodeException;
import dev.lofi.ingest.decode.VideoDecoder;
import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.ingest.live.LiveSummary.Ending;
import dev.lofi.topics.record.ClipSnippet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Streams one source to {@code lofi.live.clips} (or another {@link SnippetSink}) as consecutive
 * full-fidelity snippets until it ends, its retries run out, or {@link #stop} is called, and in
 * each case then sends the stream's end-of-stream marker and flushes.
 *
 * <p>Media time, which snippets and the end marker carry, only goes forward. A file's is its own
 * timestamps from its first frame, plus the file's duration for each repeat when looping. A camera's
 * or URL's is its timestamps from the first frame of the connection, placed at the wall-clock
 * seconds since the stream's first frame when it reconnects, so an outage shows as a gap; the first
 * snippet after it is marked as a discontinuity.
 *
 * <p>A source that cannot be opened, or a live source that fails or ends, is opened again as its
 * {@link RetryPolicy} says. A file that fails once frames were read from it is not: reopening would
 * replay it.
 */
public final class LiveIngest {

  private final Supplier<SnippetSink> sinks;
  private final LiveSourceSettings settings;
  private final LiveListener listener;
  private final StopSignal stop = new StopSignal();
  private final AtomicBoolean started = new AtomicBoolean();
  private final LiveSnippetter snippetter;
  private final MediaTimeline timeline;
  private final FramePacer pacer;
  private NextFrameTime frameTime;
  private double fps;
  private double fileDuration;
  private long framesRead;
  private long firstFrameMillis;
  private int reconnects;
  private int snippets;
  private long payloadBytes;
  private double snippetsEnd;
  private String failure;

  /** Streams to {@code lofi.live.clips}. */
  public LiveIngest(String bootstrap, LiveSourceSettings settings, LiveListener listener) {
    this(() -> new LivePublisher(bootstrap, settings.streamId()), settings, listener);
  }

  /**
   * Streams to {@code sink}, on the thread that runs it, instead of Kafka: the snippets are the
   * ones {@code lofi.live.clips} would get. The run closes the sink when the stream has ended.
   */
  public LiveIngest(SnippetSink sink, LiveSourceSettings settings, LiveListener listener) {
    this(() -> sink, settings, listener);
  }

  private LiveIngest(Supplier<SnippetSink> sinks, LiveSourceSettings settings, LiveListener listener) {
    this.sinks = sinks;
    this.settings = settings;
    this.listener = listener;
    this.snippetter = new LiveSnippetter(settings.streamId(), settings.fidelity());
    // A silence longer than a snippet within one connection would fill whole snippets with one frame.
    this.timeline = new MediaTimeline(settings.fidelity().framesPerSnippet() * settings.fidelity().frameStride());
    this.pacer = new FramePacer(settings.reading().realtime(), stop);
  }

  /**
   * Streams until the source ends, fails for good, or {@link #stop} is called; runs once.
   *
   * @throws IllegalStateException if Kafka (or the sink) refuses the snippets; no end marker can be
   *     sent then
   */
  public LiveSummary run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a live ingest runs once; make a new one");
    }
    long start = System.nanoTime();
    try (SnippetSink sink = sinks.get()) {
      Ending ending = stream(sink);
      double end = Math.max(snippetsEnd, timeline.end());
      sink.send(ClipSnippet.endOfStreamMarker(settings.streamId(), settings.fidelity().name(),
          snippetter.nextIndex(), end, System.currentTimeMillis()));
      sink.flush();
      return new LiveSummary(settings.streamId(), ending, failure, snippets, end, reconnects, payloadBytes,
          (System.nanoTime() - start) / 1e9);
    } finally {
      stop.restoreInterrupt();
    }
  }

  /** Asks a running ingest to end: it publishes the end marker and returns. Safe from any thread. */
  public void stop() {
    stop.request();
  }

  private Ending stream(SnippetSink sink) {
    int failures = 0;
    while (!stop.requested()) {
      VideoDecoder decoder;
      try {
        decoder = open();
      } catch (VideoDecodeException e) {
        failures++;
        if (!retry(failures, e.reason())) {
          return gaveUp(failures - 1, e.reason());
        }
        continue;
      }
      long framesBefore = framesRead;
      String dropped;
      try (decoder) {
        begin(decoder, failures > 0 && framesRead > 0);
        dropped = pump(decoder, sink);
      }
      if (framesRead > framesBefore) {
        failures = 0;
      }
      if (stop.requested()) {
        break;
      }
      if (settings.source().finite()) {
        if (dropped != null) {
          failure = dropped + " (a file is not reopened once read from: it would replay)";
          return Ending.FAILED;
        }
        if (!settings.reading().loop()) {
          return Ending.FINISHED;
        }
        timeline.repeat(fileDuration);
        continue;
      }
      String reason = dropped != null ? dropped : "the stream ended";
      failures++;
      if (!retry(failures, reason)) {
        return gaveUp(failures - 1, reason);
      }
    }
    return Ending.STOPPED;
  }

  private VideoDecoder open() {
    LiveSource source = settings.source();
    int size = settings.fidelity().frameSize();
    if (source.finite()) {
      VideoProbe probe = VideoDecoder.probe(source.location());
      fileDuration = probe.durationSeconds();
      return VideoDecoder.open(probe, size);
    }
    return VideoDecoder.openStream(source.location(), source.ffmpegFormat(), source.ffmpegOptions(), size);
  }

  /** Places a new opening on the timeline; a file's repeat goes on where the last one ended. */
  private void begin(VideoDecoder decoder, boolean reconnected) {
    fps = decoder.frameRate();
    boolean repeat = settings.source().finite() && framesRead > 0;
    if (!repeat) {
      timeline.begin(reconnected ? (System.currentTimeMillis() - firstFrameMillis) / 1000.0 : 0, fps);
    }
    if (repeat && !reconnected) {
      return;
    }
    reconnects += reconnected ? 1 : 0;
    snippetter.start(fps, reconnected);
    pacer.restart();
    frameTime = new NextFrameTime(1 / fps, Double.NaN);
    listener.opened(settings.source(), decoder.sourceWidth(), decoder.sourceHeight(), fps, reconnected);
  }

  /** Reads and sends until the source ends (null), fails (the reason), or a stop is asked for (null). */
  private String pump(VideoDecoder decoder, SnippetSink sink) {
    while (!stop.requested()) {
      DecodedFrame frame;
      try {
        frame = decoder.next(snippetter.wants(frameTime.next()));
      } catch (VideoDecodeException e) {
        return e.reason();
      }
      if (frame == null) {
        return null;
      }
      if (framesRead++ == 0) {
        firstFrameMillis = System.currentTimeMillis();
      }
      MediaTimeline.Point at = timeline.place(frame.mediaSeconds());
      if (at.jumped()) {
        snippetter.start(fps, true);
        pacer.restart();
      }
      frameTime.observe(at.seconds());
      long captured = pacer.capture(at.seconds());
      for (ClipSnippet snippet : snippetter.accept(new DecodedFrame(at.seconds(), frame.rgb()), captured)) {
        sink.send(snippet);
        snippets++;
        payloadBytes += snippet.payload().length;
        snippetsEnd = snippet.mediaEnd();
        listener.snippetPublished(snippet);
      }
    }
    return null;
  }

  /** Waits before retry number {@code retry}; false if retries ran out or a stop was asked for. */
  private boolean retry(int retry, String reason) {
    if (!settings.reading().retry().allows(retry)) {
      return false;
    }
    Duration delay = settings.reading().retry().delayBefore(retry);
    listener.retrying(reason, retry, delay);
    return !stop.await(delay.toMillis());
  }

  private Ending gaveUp(int retries, String reason) {
    if (stop.requested()) {
      return Ending.STOPPED;
    }
    failure = reason + (retries == 0 ? "" : " (gave up after " + retries + " retries)");
    return Ending.FAILED;
  }
}
