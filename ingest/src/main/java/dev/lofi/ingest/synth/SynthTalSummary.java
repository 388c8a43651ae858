package dev.lofi.ingest.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a SynthTAL run wrote.
 *
 * @param annotations the ActivityNet-format ground truth of the untrimmed videos
 * @param trimmedIndex the list of trimmed clips and their labels
 * @param trimmedAnnotations the trimmed clips' ground truth, ActivityNet format, subset {@code pretrain}
 * @param frames frames encoded over all files
 */
public record SynthTalSummary(Path annotations, Path trimmedIndex, Path trimmedAnnotations, int videos, int trimmedClips, long frames,
    List<String> taxonomy, Duration elapsed) {

  public SynthTalSummary {
    taxonomy = List.copyOf(taxonomy);
  }
}
