package dev.lofi.ingest.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code ffmpeg} command line tool, the yardstick of the ingest benchmark: located once, then
 * run with a time limit; a failed run reports the tail of what ffmpeg printed.
 */
public final class FfmpegCli {

  /** The tool looked up when none is named. */
  public static final String DEFAULT_COMMAND = "ffmpeg";
  /** How long one run may take before it is killed. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private static final int ERROR_LINES = 5;

  private final Path executable;
  private final Duration timeout;

  private FfmpegCli(Path executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  /**
   * Finds {@code command}: a path if it holds a slash, else a name looked up on {@code PATH}.
   *
   * @throws FfmpegCliException if there is no such executable
   */
  public static FfmpegCli locate(String command, Duration timeout) {
    return find(command, timeout).orElseThrow(() -> new FfmpegCliException(command.contains(File.separator)
        ? command + " is not an executable file"
        : command + " CLI not found on PATH: install it (Debian: apt-get install ffmpeg)"));
  }

  /** Like {@link #locate(String, Duration)}, but empty where there is no such executable. */
  public static Optional<FfmpegCli> find(String command, Duration timeout) {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("no ffmpeg command given");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("ffmpeg timeout must be positive, got " + timeout);
    }
    Stream<Path> candidates = command.contains(File.separator)
        ? Stream.of(Path.of(command))
        : Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, command));
    return candidates.filter(file -> Files.isRegularFile(file) && Files.isExecutable(file)).findFirst()
        .map(executable -> new FfmpegCli(executable, timeout));
  }

  /** The executable that runs. */
  public Path executable() {
    return executable;
  }

  /** The version ffmpeg reports, e.g. {@code 5.1.6-0+deb12u1}. */
  public String version() {
    String banner = run(List.of("-version")).output();
    // First line: "ffmpeg version <version> Copyright ..."
    String[] words = banner.lines().findFirst().orElse("").split(" ");
    return words.length > 2 && words[1].equals("version") ? words[2] : "unknown";
  }

  /**
   * The arguments that decode every video frame of {@code video} and scale it to
   * {@code size x size} RGB with the area filter, discarding the result: the work ffmpeg would do to
   * feed a trainer. Audio, subtitles and data are not decoded; decoder threads are FFmpeg's default.
   */
  public static List<String> decodeAndScaleArguments(Path video, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("frame size must be positive, got " + size);
    }
    return List.of("-nostdin", "-v", "error", "-i", video.toString(), "-an", "-sn", "-dn",
        "-vf", "scale=" + size + ":" + size + ":flags=area", "-pix_fmt", "rgb24", "-f", "null", "-");
  }

  /**
   * Runs {@link #decodeAndScaleArguments} and returns its wall-clock seconds, process start-up
   * included.
   *
   * @throws FfmpegCliException if ffmpeg fails or runs past the time limit
   */
  public double decodeAndScale(Path video, int size) {
    return run(decodeAndScaleArguments(video, size)).seconds();
  }

  private record Completed(String output, double seconds) {}

  private Completed run(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    Path log = null;
    try {
      // A file, not a pipe: a pipe nobody drains can stall ffmpeg, and reading it would defeat the time limit.
      log = Files.createTempFile("lofi-ffmpeg", ".log");
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new FfmpegCliException("ffmpeg did not finish within " + timeout.toMillis() + " ms: "
            + String.join(" ", command));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new FfmpegCliException("ffmpeg failed (exit " + process.exitValue() + "): " + lastLines(output)
            + " [" + String.join(" ", command) + "]");
      }
      return new Completed(output, seconds);
    } catch (IOException e) {
      throw new FfmpegCliException("cannot run " + executable + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FfmpegCliException("interrupted while ffmpeg ran", e);
    } finally {
      deleteQuietly(log);
    }
  }

  private static String lastLines(String output) {
    List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
    String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - ERROR_LINES), lines.size()));
    return tail.isEmpty() ? "(no output)" : tail;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover log in the temp directory is harmless; the benchmark's result is not.
    }
  }
}
