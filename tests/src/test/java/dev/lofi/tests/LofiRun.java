package dev.lofi.tests;

import dev.lofi.cli.Lofi;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A lofi command run in this JVM as the launcher runs it, its exit code and what it printed. */
record LofiRun(int exitCode, String out, String err) {

  static LofiRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Lofi.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new LofiRun(cli.execute(args), out.toString(), err.toString());
  }

  /** Both streams, for an assertion's description. */
  String all() {
    return out + err;
  }
}
