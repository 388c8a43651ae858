package dev.lofi.cli;

import java.nio.file.Path;

/**
 * What the commands that go through video files show: a line per file skipped or failed, and the
 * file being worked on, with its snippets, for a bar over the files. The method names are those of
 * the commands' listeners, which subclasses implement.
 */
abstract class FileConsole {

  final ProgressLine progress;
  private final long start = System.nanoTime();
  /** The file being worked on, from 1, of {@link #files}. */
  int fileIndex;
  int files;
  String fileName = "";
  /** Snippets of the file so far. */
  int snippets;

  FileConsole(ProgressLine progress) {
    this.progress = progress;
  }

  public void fileStarted(Path file, int index, int total) {
    fileIndex = index;
    files = total;
    fileName = file.getFileName().toString();
    snippets = 0;
  }

  public void fileSkipped(Path file, String reason) {
    progress.println("skipped    " + file + ": " + reason);
  }

  public void fileFailed(Path file, String reason) {
    progress.println("FAILED     " + file + ": " + reason);
  }

  /** Seconds since the command started going through its files. */
  double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
