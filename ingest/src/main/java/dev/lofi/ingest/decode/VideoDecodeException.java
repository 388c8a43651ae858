package dev.lofi.ingest.decode;

/** A video that cannot be decoded: the message names the source and the reason, in one line. */
public final class VideoDecodeException extends RuntimeException {

  private final String source;
  private final String reason;

  public VideoDecodeException(String source, String reason) {
    this(source, reason, null);
  }

  public VideoDecodeException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  /** The file or URI. */
  public String source() {
    return source;
  }

  /** Why it failed, without the source. */
  public String reason() {
    return reason;
  }
}
