package dev.lofi.cli;

import dev.lofi.model.preset.LofiPreset;
import dev.lofi.trainer.stage.Cycle;
import java.io.PrintWriter;
import org.apache.kafka.common.errors.AuthenticationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code lofi} command: learns to localize actions in long videos and finds them in live video. */
@Command(name = "lofi", mixinStandardHelpOptions = true, versionProvider = LofiVersion.class,
    description = {
        "Low-fidelity video encoder optimization for temporal action localization (LoFi),",
        "as Kafka-connected services: ingest -> trainer -> localizer."},
    subcommands = {
        BrokerCommand.class,
        ClusterCommand.class,
        TopicsCommand.class,
        SynthCommand.class,
        IngestCommand.class,
        TrainCommand.class,
        ModelCommand.class,
        LocalizeCommand.class,
        EvaluateCommand.class,
        BenchCommand.class,
        DemoCommand.class,
        KeygenCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 done, 1 failed, 2 bad usage.",
        "Run 'lofi help COMMAND' or 'lofi COMMAND --help' for a command's options."})
public final class Lofi implements Runnable {

  private static final int HELP_WIDTH = 100;

  /** Exit code of a command that failed at run time. */
  public static final int FAILED = 1;
  /** Exit code of bad usage. */
  public static final int BAD_USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line with lofi's error reporting: one readable line, the stack trace only with LOFI_DEBUG. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Lofi());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler((e, args) -> {
      CommandLine failed = e.getCommandLine();
      if (e instanceof UnmatchedArgumentException unmatched && failed.getCommand() instanceof Respelled command) {
        command.respelling(unmatched.getUnmatched()).ifPresent(spelling ->
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + spelling));
      }
      return standard.handleParseException(e, args);
    });
    // The descriptions are written as lines of up to 100 columns; picocli's 80 would re-wrap them raggedly.
    cli.setUsageHelpWidth(HELP_WIDTH);
    cli.registerConverter(TrainCommand.Stage.class, new EnumNames<>(TrainCommand.Stage.class, "stage"));
    cli.registerConverter(Cycle.class, new EnumNames<>(Cycle.class, "cycle"));
    cli.registerConverter(LofiPreset.class, new PresetConverter());
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Prints a failed command's error as one line naming what went wrong. */
  static final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
      PrintWriter err = cli.getErr();
      err.println(cli.getCommandSpec().qualifiedName() + ": error: " + describe(e));
      if (System.getenv("LOFI_DEBUG") != null) {
        e.printStackTrace(err);
      } else {
        err.println("(set LOFI_DEBUG=1 for the stack trace)");
      }
      err.flush();
      return e instanceof BadUsage ? BAD_USAGE : FAILED;
    }

    private static String describe(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof AuthenticationException refused) {
          // Kafka's own text names the mechanism or the handshake; where to fix it is ours to say.
          return "the Kafka cluster refused this client: " + refused.getMessage()
              + " (check security.protocol, sasl.* and ssl.* in the --kafka-config file)";
        }
        if (cause == cause.getCause()) {
          break;
        }
      }
      StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
      for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
        if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
          message.append(": ").append(cause.getMessage());
        }
      }
      return message.toString();
    }
  }
}
