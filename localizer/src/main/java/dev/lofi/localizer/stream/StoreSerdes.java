package dev.lofi.localizer.stream;

import dev.lofi.localizer.tracking.ActionTracks;
import dev.lofi.localizer.tracking.FeatureWindow;
import dev.lofi.localizer.tracking.SnippetFeature;
import dev.lofi.localizer.tracking.TrackedAction;
import dev.lofi.topics.codec.BinaryFrame;
import dev.lofi.topics.codec.BinarySerde;
import dev.lofi.topics.codec.BodyFormat;
import dev.lofi.topics.codec.FrameBody;
import dev.lofi.topics.codec.FrameBodyWriter;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import dev.lofi.topics.codec.RecordSerde;
import java.util.ArrayList;
import java.util.List;

/**
 * Serdes of the localizer's state: what its changelog topics hold and what a new owner of a
 * stream restores after a rebalance. Binary frames like lofi's records (magic, version, CRC32C):
 * a window is kilobytes of floats, rewritten on every snippet.
 *
 * <p>{@code LOFW} v1, a feature window: encoder (string), slid (u8), snippets since the head ran
 * (i32), snippet count (i32), feature width D (i32), then per snippet index (i32), media start and
 * end (f64), capture epoch ms (i64) and D floats (f32). {@code LOFT} v1, action tracks: open
 * count (i32) and open actions, closed count (i32) and closed actions, each label (string), start,
 * end, score (f64), model (string), start and end wall-clock epoch ms (i64).
 */
final class StoreSerdes {

  private static final RecordSerde<FeatureWindow> FEATURE_WINDOW =
      new BinarySerde<>(new BinaryFrame("LOFW", 1), new FeatureWindowFormat());
  private static final RecordSerde<ActionTracks> ACTION_TRACKS =
      new BinarySerde<>(new BinaryFrame("LOFT", 1), new ActionTracksFormat());

  private StoreSerdes() {}

  /** A stream's feature window. */
  static RecordSerde<FeatureWindow> featureWindow() {
    return FEATURE_WINDOW;
  }

  /** A stream's open and recently closed actions. */
  static RecordSerde<ActionTracks> actionTracks() {
    return ACTION_TRACKS;
  }

  private static final class FeatureWindowFormat implements BodyFormat<FeatureWindow> {
    @Override
    public void write(FeatureWindow window, FrameBodyWriter body) {
      List<SnippetFeature> snippets = window.snippets();
      body.writeString("encoder", window.encoder())
          .writeU8(window.slid() ? 1 : 0)
          .writeInt(window.sinceHead())
          .writeInt(snippets.size())
          .writeInt(snippets.isEmpty() ? 0 : snippets.get(0).feature().length);
      for (SnippetFeature snippet : snippets) {
        body.writeInt(snippet.index())
            .writeDouble(snippet.mediaStart())
            .writeDouble(snippet.mediaEnd())
            .writeLong(snippet.captureEpochMillis())
            .writeFloats(snippet.feature());
      }
    }

    @Override
    public FeatureWindow read(FrameBody body) {
      String encoder = body.readString("encoder");
      boolean slid = body.readU8("slid") != 0;
      int sinceHead = body.readInt("sinceHead");
      int count = count(body, "snippets");
      int dim = count(body, "dim");
      List<SnippetFeature> snippets = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        snippets.add(new SnippetFeature(body.readInt("index"), body.readDouble("mediaStart"),
            body.readDouble("mediaEnd"), body.readLong("captureEpochMillis"), body.readFloats("feature", dim)));
      }
      return new FeatureWindow(encoder, snippets, sinceHead, slid);
    }
  }

  private static final class ActionTracksFormat implements BodyFormat<ActionTracks> {
    @Override
    public void write(ActionTracks tracks, FrameBodyWriter body) {
      for (List<TrackedAction> actions : List.of(tracks.open(), tracks.closed())) {
        body.writeInt(actions.size());
        for (TrackedAction action : actions) {
          body.writeString("label", action.label())
              .writeDouble(action.start())
              .writeDouble(action.end())
              .writeDouble(action.score())
              .writeString("model", action.model())
              .writeLong(action.startWallMillis())
              .writeLong(action.endWallMillis());
        }
      }
    }

    @Override
    public ActionTracks read(FrameBody body) {
      List<TrackedAction> open = actions(body, "open");
      return new ActionTracks(open, actions(body, "closed"));
    }

    private static List<TrackedAction> actions(FrameBody body, String field) {
      int count = count(body, field);
      List<TrackedAction> actions = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        actions.add(new TrackedAction(body.readString("label"), body.readDouble("start"), body.readDouble("end"),
            body.readDouble("score"), body.readString("model"), body.readLong("startWallMillis"),
            body.readLong("endWallMillis")));
      }
      return actions;
    }
  }

  private static int count(FrameBody body, String field) {
    int count = body.readInt(field);
    if (count < 0) {
      throw new RecordFormatException(Reason.INVALID_FIELD, "state field '" + field + "' is negative: " + count);
    }
    return count;
  }
}
