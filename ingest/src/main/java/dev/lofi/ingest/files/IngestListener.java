package dev.lofi.ingest.files;

import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.topics.record.ClipSnippet;
import java.nio.file.Path;

/** Hears what an ingest does, file by file, so that a console can draw progress. */
public interface IngestListener {

  /** A file is about to be probed: it is number {@code index} (from 1) of {@code total}. */
  default void fileStarted(Path file, int index, int total) {}

  /** A video's snippets are being sampled and published. */
  default void videoStarted(String videoId, VideoProbe probe, int expectedSnippets) {}

  /** One snippet went to the producer. */
  default void snippetPublished(ClipSnippet snippet) {}

  /** A video's transaction committed. */
  default void videoPublished(IngestSummary.Published video) {}

  /** A file was left alone, on purpose. */
  default void fileSkipped(Path file, String reason) {}

  /** A file failed; nothing of it was published. */
  default void fileFailed(Path file, String reason) {}
}
