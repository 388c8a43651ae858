package dev.lofi.localizer.tracking;

import dev.lofi.model.segment.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * Localizes a stream of snippet features through a sliding window: every {@code hop} snippets the
 * head runs on the newest {@code window} of them, and its detections are merged into the stream's
 * {@link ActionTracks}. The same steps serve a live stream (one snippet per record, state kept in
 * stores between them) and a long video offline (its snippets in turn, then {@link #finish}).
 *
 * <p>A window holds one stretch of video from one encoder. A snippet that does not follow the
 * previous one (a discontinuity flagged by the source, a gap or a jump in media time, an index
 * that does not follow) ends the stretch like the end of the stream does: the head sees what it
 * has not seen yet, every open action closes, and the window starts over, since an action cannot
 * be followed across video nobody saw. A model whose encoder differs from the one that made the
 * window's features ends the stretch the same way: its features cannot join the window's, and an
 * action cannot be followed across features the head cannot compare.
 */
public final class SlidingLocalization {

  /** Shorter detections are dropped: an action must outlast the millisecond that segments are written in. */
  private static final double MIN_DURATION_SECONDS = 1e-3;

  private final SlidingWindowSettings settings;

  public SlidingLocalization(SlidingWindowSettings settings) {
    this.settings = settings;
  }

  /** The settings it slides with. */
  public SlidingWindowSettings settings() {
    return settings;
  }

  /**
   * Takes a stream's next snippet, encoded by {@code head}'s encoder, and returns the events it
   * decided: those of the stretch it ended (if it does not follow the window or comes from another
   * encoder), then those of the head run it completed (every {@code hop} snippets).
   *
   * @param discontinuity the source flagged the snippet as the first after a gap
   */
  public List<ActionEvent> accept(FeatureWindow window, ActionTracks tracks, SnippetFeature snippet,
      boolean discontinuity, WindowHead head) {
    List<ActionEvent> events = new ArrayList<>();
    if (!window.isEmpty()
        && (discontinuity || !window.continuesWith(snippet) || !window.encoder().equals(head.encoderVersion()))) {
      events.addAll(finish(window, tracks, head, snippet.captureEpochMillis()));
    }
    window.append(snippet, head.encoderVersion(), settings.window());
    if (window.sinceHead() >= settings.hop()) {
      events.addAll(run(window, tracks, head, snippet.captureEpochMillis()));
    }
    return events;
  }

  /**
   * Ends the stream's stretch: the head runs once more if it has not seen the newest snippets
   * (and the window's features are its encoder's), then every open action closes, and window and
   * actions start over.
   *
   * @param captureEpochMillis capture time of what ended the stretch (an end-of-stream marker or
   *     the snippet after a gap)
   */
  public List<ActionEvent> finish(FeatureWindow window, ActionTracks tracks, WindowHead head,
      long captureEpochMillis) {
    List<ActionEvent> events = new ArrayList<>();
    if (window.sinceHead() > 0 && window.encoder().equals(head.encoderVersion())) {
      events.addAll(run(window, tracks, head, captureEpochMillis));
    }
    events.addAll(tracks.closeAll(captureEpochMillis));
    window.clear();
    return events;
  }

  private List<ActionEvent> run(FeatureWindow window, ActionTracks tracks, WindowHead head, long captureEpochMillis) {
    double start = window.start();
    double duration = window.end() - start;
    List<String> labels = head.labels();
    List<WindowDetection> detections = new ArrayList<>();
    if (duration > 0) {
      for (Detection found : head.localize(window.features(), window.size(), duration)) {
        if (found.score() >= settings.threshold() && found.duration() >= MIN_DURATION_SECONDS) {
          boolean startCut = window.slid() && found.start() <= MIN_DURATION_SECONDS;
          detections.add(new WindowDetection(labels.get(found.label()), start + found.start(), start + found.end(),
              found.score(), startCut));
        }
      }
    }
    WindowRun run = new WindowRun(start, window.unseenStart(), detections, head.version(), captureEpochMillis,
        window::wallMillisAt);
    window.headRan();
    return tracks.merge(run, settings.mergeTiou());
  }
}
