package dev.lofi.ingest.live;

import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads back what live ingests wrote to {@code lofi.live.clips}, for tests. */
public final class LiveClipsOnTopic {

  private LiveClipsOnTopic() {}

  /** Every record of {@code streamId} on the topic now, in order. */
  public static List<ClipSnippet> read(String bootstrap, String streamId) {
    List<ClipSnippet> snippets = new ArrayList<>();
    TopicScan.scan(bootstrap, TopicCatalog.LIVE_CLIPS.name(), record -> {
      if (record.key() != null && streamId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
        snippets.add(RecordSerdes.clipSnippet().decode(record.value()));
      }
    });
    return snippets;
  }
}
