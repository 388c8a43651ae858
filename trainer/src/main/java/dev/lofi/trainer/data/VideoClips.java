package dev.lofi.trainer.data;

import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.VideoAnnotations;
import java.util.List;

/**
 * One video ready for training: all its snippets of one fidelity, in order, and its ground truth.
 *
 * @param snippets snippet {@code i} at index {@code i}
 */
public record VideoClips(String videoId, String fidelity, List<ClipSnippet> snippets, VideoAnnotations truth) {

  public VideoClips {
    snippets = List.copyOf(snippets);
    for (int i = 0; i < snippets.size(); i++) {
      if (snippets.get(i).snippetIndex() != i) {
        throw new IllegalArgumentException(videoId + ": snippet " + i + " is out of order");
      }
    }
  }
}
