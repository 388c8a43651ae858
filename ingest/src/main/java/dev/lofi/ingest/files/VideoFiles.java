package dev.lofi.ingest.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files an ingest of a path attempts. A file given by name is always attempted. In a
 * directory, every regular, non-hidden file is attempted (FFmpeg, not the extension, decides what
 * is a video), except documents that sit beside videos in real data sets, which are skipped.
 */
public final class VideoFiles {

  /** Extensions of files that accompany videos and are never videos themselves. */
  static final Set<String> DOCUMENTS = Set.of("md", "txt", "json", "csv", "tsv", "xml", "yaml", "yml",
      "srt", "vtt", "ass", "nfo", "pdf", "html", "jpg", "jpeg", "png", "gif");

  /** The files to attempt, sorted by name, and the documents skipped. */
  public record Listing(List<Path> videos, List<Path> documents) {}

  private VideoFiles() {}

  /** Lists a file or a directory (not recursively). */
  public static Listing list(Path path) {
    if (Files.isRegularFile(path)) {
      return new Listing(List.of(path), List.of());
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + ": no such file or directory");
    }
    List<Path> videos = new ArrayList<>();
    List<Path> documents = new ArrayList<>();
    try (Stream<Path> entries = Files.list(path)) {
      entries.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .forEach(p -> (DOCUMENTS.contains(extension(p)) ? documents : videos).add(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
    return new Listing(videos, documents);
  }

  /** The video id of a file: its name without the extension (design.md). */
  public static String videoId(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** Why a document of a listing is left out, as the commands that list videos say it. */
  public static String notAVideo(Path document) {
    return "not a video (a ." + extension(document) + " document)";
  }

  /** The lower-case extension of a file name, or an empty string. */
  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
