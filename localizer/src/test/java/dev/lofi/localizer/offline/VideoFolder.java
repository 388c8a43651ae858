package dev.lofi.localizer.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder as real data sets have them, for tests of offline localization: {@code a.mp4} and
 * {@code c.mkv} (copies of one video), {@code b.mp4} (not a video), {@code c.mp4} (a second file of
 * video id {@code c}) and {@code notes.txt} (a document).
 */
public final class VideoFolder {

  private VideoFolder() {}

  /** Writes the folder as {@code dir} with copies of {@code video}; returns {@code dir}. */
  public static Path write(Path dir, Path video) {
    try {
      Files.createDirectories(dir);
      Files.copy(video, dir.resolve("a.mp4"));
      Files.writeString(dir.resolve("b.mp4"), "not a video at all");
      Files.copy(video, dir.resolve("c.mkv"));
      Files.copy(video, dir.resolve("c.mp4"));
      Files.writeString(dir.resolve("notes.txt"), "camera 1");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a test video folder in " + dir, e);
    }
  }
}
