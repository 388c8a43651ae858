package dev.lofi.ingest.synth;

/**
 * A clip of one action instance alone (or of none, for {@code background}), for classification
 * pre-training of the encoder.
 */
record TrimmedClip(String label, VideoPlan plan) {

  static final String BACKGROUND = "background";

  /** The clip's file, relative to the trimmed-clips directory: {@code label/id.mp4}. */
  String file() {
    return label + "/" + plan.id() + ".mp4";
  }
}
