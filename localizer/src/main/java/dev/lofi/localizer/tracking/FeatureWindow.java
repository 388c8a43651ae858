package dev.lofi.localizer.tracking;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest snippets' features of one stream, at most a window of them, back to back in media
 * time and all from one encoder; and how many arrived since the head last ran. Mutable; what a
 * stream's state holds between snippets.
 */
public final class FeatureWindow {

  private final List<SnippetFeature> snippets;
  private String encoder;
  private int sinceHead;
  private boolean slid;

  /** An empty window. */
  public FeatureWindow() {
    this("", List.of(), 0, false);
  }

  /**
   * A window as stored.
   *
   * @param encoder {@code model@version} of the encoder of the features; empty when there are none
   * @param snippets oldest first
   * @param sinceHead how many of the newest snippets the head has not seen
   * @param slid whether older snippets have left the window since it started
   */
  public FeatureWindow(String encoder, List<SnippetFeature> snippets, int sinceHead, boolean slid) {
    if (sinceHead < 0 || sinceHead > snippets.size()) {
      throw new IllegalArgumentException("sinceHead must be 0.." + snippets.size() + ", got " + sinceHead);
    }
    this.encoder = encoder;
    this.snippets = new ArrayList<>(snippets);
    this.sinceHead = sinceHead;
    this.slid = slid;
  }

  /** {@code model@version} of the features' encoder; empty for an empty window. */
  public String encoder() {
    return encoder;
  }

  /** The snippets, oldest first. */
  public List<SnippetFeature> snippets() {
    return List.copyOf(snippets);
  }

  /** Snippets in the window. */
  public int size() {
    return snippets.size();
  }

  /** Whether the window holds no snippet. */
  public boolean isEmpty() {
    return snippets.isEmpty();
  }

  /** Snippets that arrived since the head last ran. */
  public int sinceHead() {
    return sinceHead;
  }

  /** Whether snippets have left the window since it started: its first one is not its stream's start. */
  public boolean slid() {
    return slid;
  }

  /**
   * Whether {@code next} follows the newest snippet directly: the next index, starting where it
   * ended (within half a snippet, for rounding).
   */
  public boolean continuesWith(SnippetFeature next) {
    if (snippets.isEmpty()) {
      return true;
    }
    SnippetFeature last = snippets.get(snippets.size() - 1);
    double tolerance = 0.5 * (last.mediaEnd() - last.mediaStart());
    return next.index() == last.index() + 1 && Math.abs(next.mediaStart() - last.mediaEnd()) <= tolerance;
  }

  /** Adds the newest snippet, encoded by {@code encoderVersion}; the oldest leaves beyond {@code capacity}. */
  public void append(SnippetFeature snippet, String encoderVersion, int capacity) {
    if (!snippets.isEmpty() && !encoder.equals(encoderVersion)) {
      throw new IllegalArgumentException("window of " + encoder + " features cannot take one of " + encoderVersion);
    }
    if (!snippets.isEmpty() && snippet.feature().length != snippets.get(0).feature().length) {
      throw new IllegalArgumentException("feature of " + snippet.feature().length + " floats in a window of "
          + snippets.get(0).feature().length);
    }
    encoder = encoderVersion;
    snippets.add(snippet);
    sinceHead = Math.min(sinceHead + 1, capacity);
    while (snippets.size() > capacity) {
      snippets.remove(0);
      slid = true;
    }
  }

  /** Marks every snippet as seen by the head. */
  public void headRan() {
    sinceHead = 0;
  }

  /** Empties the window, for a stream that starts over. */
  public void clear() {
    snippets.clear();
    encoder = "";
    sinceHead = 0;
    slid = false;
  }

  /** The features, snippet after snippet: {@code size() * D} floats. */
  public float[] features() {
    int dim = snippets.get(0).feature().length;
    float[] features = new float[snippets.size() * dim];
    for (int i = 0; i < snippets.size(); i++) {
      System.arraycopy(snippets.get(i).feature(), 0, features, i * dim, dim);
    }
    return features;
  }

  /** Media time the window starts at, seconds. */
  public double start() {
    return snippets.get(0).mediaStart();
  }

  /** Media time the window ends at, seconds. */
  public double end() {
    return snippets.get(snippets.size() - 1).mediaEnd();
  }

  /** Media time the snippets the head has not seen start at; the window's end when it has seen all. */
  public double unseenStart() {
    return sinceHead == 0 ? end() : snippets.get(snippets.size() - sinceHead).mediaStart();
  }

  /**
   * The wall-clock time a media time of the window was captured, epoch ms: linear between the
   * snippets' capture times (each taken at its last frame), clamped to the window. Never decreases
   * with media time, so an action never ends before it starts on the wall clock, even when a file
   * is read faster than real time.
   */
  public long wallMillisAt(double mediaTime) {
    SnippetFeature first = snippets.get(0);
    double previousTime = first.mediaStart();
    double previousWall = first.captureEpochMillis() - 1000 * (first.mediaEnd() - first.mediaStart());
    if (mediaTime <= previousTime) {
      return Math.round(previousWall);
    }
    for (SnippetFeature snippet : snippets) {
      double wall = Math.max(previousWall, snippet.captureEpochMillis());
      if (mediaTime <= snippet.mediaEnd()) {
        double span = snippet.mediaEnd() - previousTime;
        double fraction = span > 0 ? (mediaTime - previousTime) / span : 1;
        return Math.round(previousWall + fraction * (wall - previousWall));
      }
      previousTime = snippet.mediaEnd();
      previousWall = wall;
    }
    return Math.round(previousWall);
  }
}
