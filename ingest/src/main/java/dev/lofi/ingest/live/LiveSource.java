package dev.lofi.ingest.live;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where live frames come from, and whether it is finite. A local file (a path or a {@code file://}
 * URI) is finite: its end ends the stream, or starts it over when looping. A camera device
 * ({@code /dev/videoN}) or a network URL ({@code rtsp://}, {@code http://}, {@code udp://}, ...) is
 * live: it has no planned end, so when it ends or fails it has dropped, and is opened again.
 *
 * @param uri the source as the user gave it
 */
public record LiveSource(String uri) {

  /** What kind of source a URI names. */
  public enum Kind { FILE, CAMERA, NETWORK }

  private static final Pattern CAMERA = Pattern.compile("/dev/video\\d+");
  private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://.*");
  /** FFmpeg cannot tell a V4L2 camera from its device name. */
  private static final String CAMERA_FORMAT = "video4linux2";
  /**
   * A network read that hangs this long counts as a drop: without it FFmpeg waits for ever on a
   * camera that vanished without closing the connection, and the source is never reopened.
   */
  private static final long NETWORK_TIMEOUT_MICROS = 10_000_000L;

  public LiveSource {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("live source must not be blank, got '" + uri + "'");
    }
    if (kindOf(uri) == Kind.FILE) {
      pathOf(uri);
    }
  }

  /** Which kind of source this is. */
  public Kind kind() {
    return kindOf(uri);
  }

  /** Whether the source has an end of its own: only files do. */
  public boolean finite() {
    return kind() == Kind.FILE;
  }

  /** What FFmpeg opens: a file's path, any other source as given. */
  public String location() {
    return kind() == Kind.FILE ? pathOf(uri) : uri;
  }

  /** FFmpeg's input format where the location does not imply it, else null. */
  public String ffmpegFormat() {
    return kind() == Kind.CAMERA ? CAMERA_FORMAT : null;
  }

  /** FFmpeg options for opening and reading the source. */
  public Map<String, String> ffmpegOptions() {
    if (kind() != Kind.NETWORK) {
      return Map.of();
    }
    // rw_timeout covers reads of every protocol; rtsp, http and tcp also take their own socket timeout.
    String timeout = Long.toString(NETWORK_TIMEOUT_MICROS);
    return Map.of("rw_timeout", timeout, "timeout", timeout);
  }

  @Override
  public String toString() {
    return uri;
  }

  private static Kind kindOf(String uri) {
    if (CAMERA.matcher(uri).matches()) {
      return Kind.CAMERA;
    }
    Matcher scheme = SCHEME.matcher(uri);
    return !scheme.matches() || scheme.group(1).equalsIgnoreCase("file") ? Kind.FILE : Kind.NETWORK;
  }

  private static String pathOf(String fileUri) {
    if (!SCHEME.matcher(fileUri).matches()) {
      return fileUri;
    }
    try {
      return Path.of(URI.create(fileUri)).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a usable file URI: '" + fileUri + "' (" + e.getMessage() + ")", e);
    }
  }
}
