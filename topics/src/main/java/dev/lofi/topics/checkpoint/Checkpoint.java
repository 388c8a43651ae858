package dev.lofi.topics.checkpoint;

import dev.lofi.topics.record.CheckpointManifest;

/**
 * A checkpoint read back from Kafka: its manifest and its parameters, whose SHA-256 matched.
 *
 * @param parameters the serialized parameters (DJL's format), shared, not copied: treat as read-only
 */
public record Checkpoint(CheckpointManifest manifest, byte[] parameters) {}
