package dev.lofi.localizer.offline;

import dev.lofi.ingest.files.IngestSummary.Outcome;
import dev.lofi.ingest.files.VideoFiles;
import dev.lofi.ingest.live.LiveIngest;
import dev.lofi.ingest.live.LiveListener;
import dev.lofi.ingest.live.LiveSource;
import dev.lofi.ingest.live.LiveSourceSettings;
import dev.lofi.ingest.live.LiveSummary;
import dev.lofi.ingest.live.SnippetSink;
import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.tracking.ActionEvent;
import dev.lofi.localizer.tracking.ActionTracks;
import dev.lofi.localizer.tracking.FeatureWindow;
import dev.lofi.localizer.tracking.SlidingLocalization;
import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.localizer.tracking.TrackedAction;
import dev.lofi.model.evaluation.Prediction;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Localizes video files as the live service localizes streams, so that a file and the same video
 * streamed live give the same actions. Each file is decoded by the live ingest (the preset's full
 * fidelity, snippets back to back, read as fast as it decodes); each snippet is encoded when it
 * comes and slides through {@link SlidingLocalization}, whose merge and close rules are the live
 * service's; every closed action is a prediction. A file that fails is reported and has no
 * predictions; the others go on.
 */
public final class OfflineLocalization {

  /**
   * The score threshold offline, far below the live service's: mAP ranks every detection, and one
   * more at the bottom of a class's ranking never lowers its AP, so the threshold only keeps the
   * file to detections a head means (untrained heads score about 0.01-0.03).
   */
  public static final double DEFAULT_THRESHOLD = 0.01;

  private final InferenceModel model;
  private final Fidelity fidelity;
  private final SlidingLocalization sliding;
  private final OfflineListener listener;

  /**
   * @param fidelity the full fidelity of the preset the model was trained at: how files are decoded
   * @throws IllegalArgumentException if the model encodes snippets of another length than the
   *     fidelity's
   */
  public OfflineLocalization(InferenceModel model, Fidelity fidelity, SlidingWindowSettings settings,
      OfflineListener listener) {
    if (model.framesPerSnippet() != fidelity.framesPerSnippet()) {
      throw new IllegalArgumentException(model.version() + " encodes snippets of " + model.framesPerSnippet()
          + " frames; the preset's full fidelity has " + fidelity.framesPerSnippet());
    }
    this.model = model;
    this.fidelity = fidelity;
    this.sliding = new SlidingLocalization(settings);
    this.listener = listener;
  }

  /** Localizes a video file, or every video file of a directory (not recursively). */
  public OfflineResult run(Path path) {
    long start = System.nanoTime();
    VideoFiles.Listing listing = VideoFiles.list(path);
    List<LocalizedVideo> videos = new ArrayList<>();
    List<Outcome> skipped = new ArrayList<>();
    List<Outcome> failed = new ArrayList<>();
    for (Path document : listing.documents()) {
      skipped.add(new Outcome(document, VideoFiles.notAVideo(document)));
      listener.fileSkipped(document, VideoFiles.notAVideo(document));
    }
    Map<String, Path> ids = new HashMap<>();
    List<Path> files = listing.videos();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      listener.fileStarted(file, i + 1, files.size());
      String videoId = VideoFiles.videoId(file);
      Path taken = ids.get(videoId);
      String failure = taken != null
          ? "video id '" + videoId + "' is " + taken.getFileName() + "'s already: a prediction file holds one entry per id"
          : localize(file, videoId, videos);
      if (failure == null) {
        ids.put(videoId, file);
      } else {
        failed.add(new Outcome(file, failure));
        listener.fileFailed(file, failure);
      }
    }
    return new OfflineResult(videos, skipped, failed, (System.nanoTime() - start) / 1e9);
  }

  /** Localizes one file into {@code videos}; returns why it failed, or null. */
  private String localize(Path file, String videoId, List<LocalizedVideo> videos) {
    long start = System.nanoTime();
    VideoTrack track = new VideoTrack();
    LiveSourceSettings source = new LiveSourceSettings(new LiveSource(file.toString()), videoId, fidelity,
        LiveSourceSettings.Reading.ONCE);
    LiveSummary summary = new LiveIngest(track, source, new LiveListener() {}).run();
    if (!summary.succeeded()) {
      return summary.failure();
    }
    LocalizedVideo video = new LocalizedVideo(videoId, file, track.predictions, summary.snippets(),
        summary.mediaSeconds(), (System.nanoTime() - start) / 1e9);
    videos.add(video);
    listener.videoLocalized(video);
    return null;
  }

  /**
   * One video's snippets through the model, as the live processor takes a stream's: each encoded
   * when it comes and slid through the window; the end marker closes what is open.
   */
  private final class VideoTrack implements SnippetSink {
    private final FeatureWindow window = new FeatureWindow();
    private final ActionTracks actions = new ActionTracks();
    private final List<Prediction> predictions = new ArrayList<>();

    @Override
    public void send(ClipSnippet snippet) {
      List<ActionEvent> events = snippet.endOfStream()
          ? sliding.finish(window, actions, model, snippet.captureEpochMillis())
          : sliding.accept(window, actions, model.feature(snippet), snippet.discontinuity(), model);
      for (ActionEvent event : events) {
        if (event.kind() == ActionEvent.Kind.CLOSED) {
          TrackedAction action = event.action();
          predictions.add(new Prediction(action.label(), action.start(), action.end(), action.score()));
        }
      }
      listener.snippetLocalized(snippet);
    }
  }
}
