package dev.lofi.localizer.offline;

import dev.lofi.topics.record.ClipSnippet;
import java.nio.file.Path;

/** Hears what offline localization does, file by file, so that a console can show progress. */
public interface OfflineListener {

  /** A file is about to be decoded: it is number {@code index} (from 1) of {@code total}. */
  default void fileStarted(Path file, int index, int total) {}

  /** A snippet of the current file went through the model, or its end marker closed what was open. */
  default void snippetLocalized(ClipSnippet snippet) {}

  /** A file was localized to the end. */
  default void videoLocalized(LocalizedVideo video) {}

  /** A file was left alone, on purpose (a document beside the videos). */
  default void fileSkipped(Path file, String reason) {}

  /** A file failed; it has no predictions. */
  default void fileFailed(Path file, String reason) {}
}
