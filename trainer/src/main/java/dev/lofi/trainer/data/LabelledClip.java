package dev.lofi.trainer.data;

import java.util.Arrays;

/**
 * A stretch of one ingested video that shows one class, what pre-training classifies: a trimmed
 * clip whole, or one ground-truth segment of an annotated video (or the background between two).
 *
 * @param id unique among a run's clips; seeds the clip's snippet draws
 * @param snippets indices of the clip's snippets in its video, ascending, at least one
 */
public record LabelledClip(String id, String label, VideoLocation location, int[] snippets) {

  public LabelledClip {
    if (snippets.length == 0) {
      throw new IllegalArgumentException("clip " + id + " has no snippet");
    }
    snippets = snippets.clone();
  }

  /** A trimmed clip: every snippet of its video. */
  public static LabelledClip whole(VideoLocation location, String label) {
    return new LabelledClip(location.videoId(), label, location, SparseSnippets.every(location.snippets()));
  }

  @Override
  public String toString() {
    return id + " (" + label + ", snippets " + Arrays.toString(snippets) + ")";
  }
}
