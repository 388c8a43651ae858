package dev.lofi.trainer.data;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.record.FeatureSequence;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.topics.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What each video's features on {@code lofi.features} were computed from: the encoder's checkpoint,
 * the clips' fidelity and their ingest run, read from the records' headers without decoding the
 * values. The extract stage skips a video whose features it would only compute again.
 */
public final class ExtractedFeatures {

  /** What one video's latest features record was extracted from. */
  private record Source(String encoder, String fidelity, String ingestId) {}

  private final Map<String, Source> sources;

  private ExtractedFeatures(Map<String, Source> sources) {
    this.sources = sources;
  }

  /** Reads the headers of {@code lofi.features}; records without them (written before they existed) count as unknown. */
  public static ExtractedFeatures read(String bootstrap) {
    Map<String, Source> sources = new HashMap<>();
    TopicScan.scan(bootstrap, TopicCatalog.FEATURES.name(), record -> {
      if (record.key() == null) {
        return;
      }
      String id = new String(record.key(), StandardCharsets.UTF_8);
      String encoder = header(record.headers(), FeatureSequence.ENCODER_HEADER);
      String fidelity = header(record.headers(), FeatureSequence.FIDELITY_HEADER);
      String ingest = header(record.headers(), IngestProvenance.HEADER);
      if (record.value() == null || encoder == null || fidelity == null || ingest == null) {
        sources.remove(id);
      } else {
        sources.put(id, new Source(encoder, fidelity, ingest));
      }
    });
    return new ExtractedFeatures(sources);
  }

  /** The headers a features record of {@code video} extracted by {@code encoder} at {@code fidelity} carries. */
  public static Headers headers(String encoder, String fidelity, VideoMetadata video) {
    RecordHeaders headers = new RecordHeaders();
    for (Map.Entry<String, String> header : List.of(Map.entry(FeatureSequence.ENCODER_HEADER, encoder),
        Map.entry(FeatureSequence.FIDELITY_HEADER, fidelity), Map.entry(IngestProvenance.HEADER,
            video.ingest().ingestId()))) {
      headers.add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
    }
    return headers;
  }

  /** Whether {@code video}'s features were extracted by {@code encoder} from its current ingest run's clips at {@code fidelity}. */
  public boolean current(VideoMetadata video, String encoder, String fidelity) {
    return new Source(encoder, fidelity, video.ingest().ingestId()).equals(sources.get(video.videoId()));
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
