package dev.lofi.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lofi ingest}: video files and live sources to the clip topics. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    header = "Publish videos or a live source as clip snippets.",
    description = {"Decodes videos (or a live source) with FFmpeg, samples snippets at every requested",
        "fidelity in one pass, and publishes them to lofi.clips.<fidelity> (live: lofi.live.clips),",
        "with metadata to lofi.videos and ground truth to lofi.annotations."})
final class IngestCommand extends PlannedCommand {
  @Mixin KafkaOptions kafka;

  @Option(names = "--videos", paramLabel = "DIR|FILE", description = "A video file, or a directory of them.")
  Path videos;

  @Option(names = "--annotations", paramLabel = "FILE", description = "ActivityNet JSON, or a THUMOS14 annotation directory.")
  Path annotations;

  @Option(names = "--fidelities", split = ",", defaultValue = "full,s,t,st",
      description = "Fidelities to publish (default: ${DEFAULT-VALUE}).")
  List<String> fidelities;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu", description = "Fidelity preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--live", paramLabel = "URI", description = "A live source: file, rtsp:// or http:// URL, or camera device.")
  String live;

  @Option(names = "--stream", paramLabel = "ID", description = "Stream id of the live source (the record key).")
  String stream;

  @Option(names = "--realtime", description = "Pace a file source at its frame rate.")
  boolean realtime;

  @Option(names = "--loop", description = "Repeat a file source.")
  boolean loop;

  @Override
  String arrivesWith() {
    return "issue #3 (ingest)";
  }
}
