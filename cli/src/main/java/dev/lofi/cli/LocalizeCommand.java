package dev.lofi.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lofi localize}: the live localizer service, or offline localization of files. */
@Command(name = "localize", mixinStandardHelpOptions = true,
    header = "Stream action segments from live video, or localize files.",
    description = {"Without --video: the live service (Kafka Streams) from lofi.live.clips to",
        "lofi.segments, hot-reloading checkpoints; runs until stopped. With --video: writes",
        "ActivityNet-format predictions for files, with the same inference code."})
final class LocalizeCommand extends PlannedCommand {
  @Mixin KafkaOptions kafka;

  @Option(names = "--video", paramLabel = "FILE|DIR", description = "Localize these files offline.")
  Path video;

  @Option(names = "--out", paramLabel = "PRED.json", description = "Where offline predictions go.")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "REF", description = "Checkpoint to use (default: the latest).")
  String checkpoint;

  @Override
  String arrivesWith() {
    return "issue #5 (localizer)";
  }
}
