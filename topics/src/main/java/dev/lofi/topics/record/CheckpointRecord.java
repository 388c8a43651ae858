package dev.lofi.topics.record;

/** A record of the checkpoint topic: a manifest or one chunk of the parameters it describes. */
public sealed interface CheckpointRecord permits CheckpointManifest, CheckpointChunk {

  /** The model name. */
  String model();

  /** The checkpoint version. */
  String version();
}
