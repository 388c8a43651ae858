package dev.lofi.cli;

import dev.lofi.ingest.synth.SynthPreset;
import dev.lofi.ingest.synth.SynthTal;
import dev.lofi.ingest.synth.SynthTalConfig;
import dev.lofi.ingest.synth.SynthTalSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi synth}: writes the SynthTAL data set. */
@Command(name = "synth", mixinStandardHelpOptions = true,
    header = "Write the SynthTAL synthetic data set.",
    description = {"Writes SynthTAL, a synthetic temporal action localization data set: H.264 MP4s in",
        "DIR/videos/, ActivityNet-format DIR/annotations.json (subsets training and validation, 75/25),",
        "and trimmed clips per class with DIR/trimmed/index.json for encoder pre-training.",
        "Seven action classes are told apart only by motion over time (shuttle, orbit, bounce, zigzag,",
        "spin, pulse, approach); look-alike distractors, near-miss motions, camera drift, flicker and",
        "noise make localization hard. Deterministic from the seed."})
final class SynthCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--videos", paramLabel = "N", defaultValue = "" + SynthTalConfig.DEFAULT_VIDEOS,
      description = "Untrimmed videos (default: ${DEFAULT-VALUE}).")
  int videos;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SynthTalConfig.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--preset", paramLabel = "cpu|paper", defaultValue = "cpu",
      description = "cpu: 160x120 at 15 fps, 20-40 s videos; paper: 320x240 at 30 fps, 20-60 s (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--legible", description = "Each video shows one class, and the actor wears its class's colour: "
      + "the class reads from a frame and only motion tells when the actions are (the demo's data). By default "
      + "classes differ by motion alone.")
  boolean legible;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SynthTalConfig config = BadUsage.interpreting(() -> SynthTalConfig.defaults(this.out).withVideos(videos)
        .withSeed(seed).withPreset(SynthPreset.named(preset)).withLegibleClasses(legible));
    ProgressLine progress = ProgressLine.forConsole(out, spec.commandLine().getErr());
    SynthTalSummary summary = SynthTal.generate(config,
        (done, total) -> progress.update(done, total, String.format("%d/%d files", done, total)));
    progress.println(String.format("SynthTAL: %d videos and %d trimmed clips (%d frames, %d classes: %s) in %.1f s",
        summary.videos(), summary.trimmedClips(), summary.frames(), summary.taxonomy().size(),
        String.join(", ", summary.taxonomy()), summary.elapsed().toMillis() / 1000.0));
    progress.println("annotations: " + summary.annotations());
    progress.println("trimmed clips: " + summary.trimmedIndex());
    Path trimmed = this.out.resolve(SynthTal.TRIMMED_DIR);
    progress.println("next: lofi ingest --videos " + this.out.resolve(SynthTal.VIDEOS_DIR) + " --annotations "
        + summary.annotations());
    progress.println("      lofi ingest --videos " + trimmed + " --annotations "
        + trimmed.resolve(SynthTal.ANNOTATIONS_FILE) + " --fidelities t   (clips to pre-train on)");
    progress.println("      lofi train --stage all");
    return 0;
  }
}
