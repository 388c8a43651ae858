package dev.lofi.topics.record;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which ingest run published a video's clips. Every clip record of that run carries the same id
 * in its {@link #HEADER} header; a consumer keeps only the clips whose id matches the video's
 * latest metadata on the compacted {@code lofi.videos}, so a video ingested again (say, after its
 * file changed) is never seen twice.
 *
 * @param ingestId unique per run and video
 * @param contentSha256 SHA-256 of the video file; ingest skips a video whose content and sampling
 *     are already on the cluster
 * @param preset the fidelity preset the snippets were sampled with
 * @param snippets snippets published per fidelity name
 * @param time when the run published the video
 */
public record IngestProvenance(
    String ingestId, String contentSha256, String preset, Map<String, Integer> snippets, Instant time) {

  /** Header on every clip record naming the ingest run it belongs to (UTF-8). */
  public static final String HEADER = "lofi.ingest.id";

  public IngestProvenance {
    Require.nonBlank("ingestId", ingestId);
    Require.nonBlank("contentSha256", contentSha256);
    Require.nonBlank("preset", preset);
    Require.nonNull("snippets", snippets);
    Require.nonNull("time", time);
    snippets.forEach((fidelity, count) -> Require.atLeast("snippets." + fidelity, count, 1));
    snippets = Collections.unmodifiableMap(new TreeMap<>(snippets));
  }

  /** Whether this run sampled the same content with the same preset into at least these fidelities. */
  public boolean covers(String sha256, String presetName, Iterable<String> fidelities) {
    if (!contentSha256.equals(sha256) || !preset.equals(presetName)) {
      return false;
    }
    for (String fidelity : fidelities) {
      if (!snippets.containsKey(fidelity)) {
        return false;
      }
    }
    return true;
  }
}
