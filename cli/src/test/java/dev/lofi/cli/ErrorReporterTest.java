package dev.lofi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How a command's exception becomes its exit code and its one line on standard error. */
class ErrorReporterTest {

  @Test
  void optionsACommandRefusesAreBadUsageWithTheirReason() {
    StringWriter err = new StringWriter();

    int code = report(refused("hop must be 1..32, got 40"), err);

    assertThat(code).isEqualTo(Lofi.BAD_USAGE);
    assertThat(err.toString()).contains("lofi: error: hop must be 1..32, got 40");
  }

  @Test
  void anIllegalArgumentFromDeepInARunIsAFailureNotBadUsage() {
    StringWriter err = new StringWriter();

    int code = report(new IllegalArgumentException("loss must be finite, got NaN"), err);

    assertThat(code).isEqualTo(Lofi.FAILED);
    assertThat(err.toString()).contains("loss must be finite, got NaN");
  }

  private static BadUsage refused(String reason) {
    try {
      BadUsage.interpreting(() -> {
        throw new IllegalArgumentException(reason);
      });
    } catch (BadUsage usage) {
      return usage;
    }
    throw new AssertionError("interpreting let the refusal through");
  }

  private static int report(Exception e, StringWriter err) {
    CommandLine cli = Lofi.commandLine();
    cli.setErr(new PrintWriter(err, true));
    return new Lofi.ErrorReporter().handleExecutionException(e, cli, null);
  }
}
