package dev.lofi.localizer.stream;

import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.reload.ModelLease;
import dev.lofi.localizer.reload.ModelSource;
import dev.lofi.localizer.tracking.ActionEvent;
import dev.lofi.localizer.tracking.ActionTracks;
import dev.lofi.localizer.tracking.FeatureWindow;
import dev.lofi.localizer.tracking.SlidingLocalization;
import dev.lofi.localizer.tracking.SnippetFeature;
import dev.lofi.localizer.tracking.TrackedAction;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.Segment;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each stream's snippets into segments: encodes a snippet when it arrives, keeps the
 * stream's feature window and actions in its stores, and publishes the events the sliding window
 * decides. The model is held for one snippet at a time, so a new checkpoint comes in between two.
 * An end-of-stream marker closes the stream's open actions and deletes its state. A snippet the
 * model cannot encode (another preset's frames) is handed on as it came, for the dead-letter topic,
 * in the same transaction as its offset: once, however often the stream restarts.
 */
final class LocalizeProcessor implements Processor<byte[], DecodedClip, String, Localized> {

  private static final Logger LOG = LoggerFactory.getLogger(LocalizeProcessor.class);

  private final SlidingLocalization localization;
  private final ModelSource models;
  private final LocalizerListener listener;
  private final Set<String> warned = new HashSet<>();
  private ProcessorContext<String, Localized> context;
  private KeyValueStore<String, FeatureWindow> windows;
  private KeyValueStore<String, ActionTracks> tracks;

  LocalizeProcessor(SlidingLocalization localization, ModelSource models, LocalizerListener listener) {
    this.localization = localization;
    this.models = models;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, Localized> context) {
    this.context = context;
    this.windows = context.getStateStore(LocalizerTopology.WINDOW_STORE);
    this.tracks = context.getStateStore(LocalizerTopology.TRACK_STORE);
  }

  @Override
  public void process(Record<byte[], DecodedClip> record) {
    ClipSnippet snippet = record.value().snippet();
    String stream = snippet.videoId();
    FeatureWindow window = Objects.requireNonNullElseGet(windows.get(stream), FeatureWindow::new);
    ActionTracks actions = Objects.requireNonNullElseGet(tracks.get(stream), ActionTracks::new);
    List<ActionEvent> events;
    try (ModelLease lease = models.acquire()) {
      InferenceModel model = lease.model();
      if (snippet.endOfStream()) {
        events = localization.finish(window, actions, model, snippet.captureEpochMillis());
        windows.delete(stream);
        tracks.delete(stream);
      } else {
        SnippetFeature feature;
        try {
          feature = model.feature(snippet);
        } catch (IllegalArgumentException e) {
          refuse(record, stream, model, e);
          return;
        }
        events = localization.accept(window, actions, feature, snippet.discontinuity(), model);
        windows.put(stream, window);
        tracks.put(stream, actions);
      }
    }
    long now = context.currentSystemTimeMs();
    for (ActionEvent event : events) {
      Segment segment = segment(stream, event, now);
      context.forward(new Record<>(stream, Localized.of(segment), record.timestamp()));
      listener.segment(segment);
    }
    listener.processed(snippet);
  }

  /**
   * A readable snippet this model cannot encode (another preset's frames) leaves the stream's
   * state as it was and goes to the dead-letter topic, each one; the log says so once per stream
   * and model, as a stream of them would otherwise fill it at its frame rate.
   */
  private void refuse(Record<byte[], DecodedClip> record, String stream, InferenceModel model,
      IllegalArgumentException e) {
    RecordMetadata origin = context.recordMetadata().orElseThrow();
    RecordFormatException why = new RecordFormatException(Reason.INCOMPATIBLE, e.getMessage());
    if (warned.add(stream + " " + model.version())) {
      LOG.warn("stream {}: snippets sent to the dead-letter topic: {} (said once per stream and model)", stream,
          e.getMessage());
    }
    listener.notEncodable(SnippetDecoder.coordinates(origin), e.getMessage());
    context.forward(new Record<>(stream, Localized.refusing(record.value().received()), record.timestamp(),
        SnippetDecoder.deadLetterHeaders(record.headers(), why, origin)));
  }

  /** The contract's segment: times to the millisecond, the score to 4 decimals. */
  static Segment segment(String stream, ActionEvent event, long nowMillis) {
    TrackedAction action = event.action();
    Segment.Event kind = event.kind() == ActionEvent.Kind.OPENED ? Segment.Event.OPENED : Segment.Event.CLOSED;
    return new Segment(stream, kind, action.label(), Math.round(action.start() * 1e3) / 1e3,
        Math.round(action.end() * 1e3) / 1e3, Math.min(1, Math.round(action.score() * 1e4) / 1e4), action.model(),
        Instant.ofEpochMilli(action.startWallMillis()), Instant.ofEpochMilli(action.endWallMillis()),
        nowMillis - event.decidedByCaptureMillis());
  }
}
