package dev.lofi.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegCliTest {

  @Test
  void aCommandMissingFromThePathIsAClearError() {
    assertThatThrownBy(() -> FfmpegCli.locate("lofi-no-such-ffmpeg", FfmpegCli.DEFAULT_TIMEOUT))
        .isInstanceOf(FfmpegCliException.class)
        .hasMessage("lofi-no-such-ffmpeg CLI not found on PATH: install it (Debian: apt-get install ffmpeg)");
  }

  @Test
  void aPathThatIsNotAnExecutableIsRefusedNamingIt(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("ffmpeg"), "not a program");

    assertThatThrownBy(() -> FfmpegCli.locate(text.toString(), FfmpegCli.DEFAULT_TIMEOUT))
        .hasMessage(text + " is not an executable file");
  }

  @Test
  void theDecodeCommandScalesEveryFrameWithTheAreaFilterAndDefaultThreading() {
    assertThat(FfmpegCli.decodeAndScaleArguments(Path.of("v.mp4"), 224)).containsExactly(
        "-nostdin", "-v", "error", "-i", "v.mp4", "-an", "-sn", "-dn",
        "-vf", "scale=224:224:flags=area", "-pix_fmt", "rgb24", "-f", "null", "-");
  }

  @Test
  void aFailedRunReportsWhatFfmpegPrinted(@TempDir Path dir) throws Exception {
    FfmpegCli fake = FfmpegCli.locate(script(dir, "echo 'v.mp4: Invalid data found when processing input' >&2; exit 1")
        .toString(), FfmpegCli.DEFAULT_TIMEOUT);

    assertThatThrownBy(() -> fake.decodeAndScale(Path.of("v.mp4"), 64))
        .isInstanceOf(FfmpegCliException.class)
        .hasMessageStartingWith("ffmpeg failed (exit 1): v.mp4: Invalid data found when processing input [");
  }

  @Test
  void aRunPastTheTimeLimitIsKilledAndReported(@TempDir Path dir) throws Exception {
    FfmpegCli hanging = FfmpegCli.locate(script(dir, "sleep 30").toString(), Duration.ofMillis(200));

    assertThatThrownBy(() -> hanging.decodeAndScale(Path.of("v.mp4"), 64))
        .isInstanceOf(FfmpegCliException.class)
        .hasMessageStartingWith("ffmpeg did not finish within 200 ms");
  }

  @Test
  void theRealFfmpegReportsItsVersion() {
    var ffmpeg = FfmpegCli.find(FfmpegCli.DEFAULT_COMMAND, FfmpegCli.DEFAULT_TIMEOUT);
    assumeTrue(ffmpeg.isPresent(), "the ffmpeg CLI is not installed");

    assertThat(ffmpeg.get().version()).matches("\\S*\\d+\\.\\d+\\S*");
  }

  private static Path script(Path dir, String body) throws Exception {
    Path script = dir.resolve("fake-ffmpeg");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
