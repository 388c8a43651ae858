package dev.lofi.localizer.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON written in tests with {@code '} for {@code "}, so that it reads inside Java strings. */
final class QuotedJson {

  private QuotedJson() {}

  /** Writes {@code json}, its {@code '} turned into {@code "}, to {@code file}; returns the file. */
  static Path write(Path file, String json) throws IOException {
    return Files.writeString(file, json.replace('\'', '"'));
  }
}
