package dev.lofi.cli;

import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.model.preset.LofiPreset;
import picocli.CommandLine.Option;

/** The options both localize modes share: which model, and how the window slides over its snippets. */
final class SlidingWindowOptions {

  @Option(names = "--preset", paramLabel = "cpu|paper", description = "The model's preset: it names the model and "
      + "sizes the window (and for files, the full fidelity they are decoded at) (default: ${DEFAULT-VALUE}).")
  LofiPreset preset;

  @Option(names = "--model", paramLabel = "NAME",
      description = "Model whose checkpoints to load (default: the preset's, lofi-PRESET, as lofi train names it).")
  String model;

  @Option(names = "--window", paramLabel = "N", description = "Snippets the head sees at once (default: the preset's "
      + "full-fidelity snippet count, the length the head was trained on).")
  Integer window;

  @Option(names = "--hop", paramLabel = "N", description = "Snippets between two runs of the head (default: ${DEFAULT-VALUE}).")
  int hop;

  @Option(names = "--merge-tiou", paramLabel = "T",
      description = "tIoU at which a detection continues an action of its label (default: ${DEFAULT-VALUE}).")
  double mergeTiou;

  LofiPreset lofiPreset() {
    return preset;
  }

  String modelName() {
    return model != null ? model : lofiPreset().modelName();
  }

  /** The window, validated, with the mode's {@code threshold}. */
  SlidingWindowSettings settings(double threshold) {
    int size = window != null ? window : lofiPreset().liveWindow();
    return BadUsage.interpreting(() -> new SlidingWindowSettings(size, hop, threshold, mergeTiou));
  }
}
