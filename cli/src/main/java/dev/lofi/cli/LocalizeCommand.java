package dev.lofi.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lofi localize}: the live localizer service, or offline localization of files, one subcommand each. */
@Command(name = "localize", mixinStandardHelpOptions = true,
    header = "Stream action segments from live video, or localize files.",
    description = {"'lofi localize live' is the service from lofi.live.clips to lofi.segments;",
        "'lofi localize files' localizes video files to an ActivityNet prediction file with the",
        "same inference code. 'lofi localize MODE --help' gives each one's options."},
    subcommands = {LocalizeLiveCommand.class, LocalizeFilesCommand.class})
final class LocalizeCommand implements Runnable, Respelled {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a mode: live (the service) or files (offline)");
  }

  /** Before the two modes, options went straight after {@code localize}, and {@code --video} chose files. */
  @Override
  public Optional<String> respelling(List<String> unmatched) {
    return Optional.of(unmatched.contains("--video")
        ? "offline localization is 'lofi localize files FILE|DIR --out PRED.json' now (no --video)"
        : "the live service is 'lofi localize live " + String.join(" ", unmatched) + "' now");
  }
}
