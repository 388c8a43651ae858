package dev.lofi.ingest.bench;

/** The {@code ffmpeg} command line tool is missing, failed or did not finish: the message says which, in one line. */
public final class FfmpegCliException extends RuntimeException {

  public FfmpegCliException(String message) {
    super(message);
  }

  public FfmpegCliException(String message, Throwable cause) {
    super(message, cause);
  }
}
