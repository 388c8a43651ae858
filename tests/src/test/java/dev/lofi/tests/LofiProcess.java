package dev.lofi.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A lofi command in a process of its own, as a container or a service manager runs it: with its
 * own JVM (so that a kill ends it alone), its output in a log file, stopped by SIGTERM as
 * {@code docker stop} stops it.
 */
final class LofiProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private LofiProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code lofi args...} with a 1 GiB heap, as the test JVM's class path and settings have it. */
  static LofiProcess start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx1g", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-cp", System.getProperty("java.class.path"), "dev.lofi.cli.Lofi"));
    command.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new LofiProcess(process, log);
  }

  /** What the command has written so far. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then waits for the command's graceful stop; its exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
