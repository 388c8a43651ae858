package dev.lofi.topics.record;

import dev.lofi.topics.codec.BinarySerde;
import dev.lofi.topics.codec.JsonSerde;
import dev.lofi.topics.codec.RecordSerde;

/**
 * The serde of every lofi record type. Each deserializer returns a valid value or throws
 * {@link dev.lofi.topics.codec.RecordFormatException}, tombstones included (see {@link RecordSerde}).
 * The serdes are stateless and shared.
 */
public final class RecordSerdes {

  private static final RecordSerde<ClipSnippet> CLIP_SNIPPET =
      new BinarySerde<>(ClipSnippetFormat.FRAME, new ClipSnippetFormat());
  private static final RecordSerde<FeatureSequence> FEATURE_SEQUENCE =
      new BinarySerde<>(FeatureSequenceFormat.FRAME, new FeatureSequenceFormat());
  private static final RecordSerde<CheckpointRecord> CHECKPOINT = new CheckpointSerde();
  private static final RecordSerde<VideoMetadata> VIDEO_METADATA = new JsonSerde<>(VideoMetadata.class);
  private static final RecordSerde<VideoAnnotations> VIDEO_ANNOTATIONS = new JsonSerde<>(VideoAnnotations.class);
  private static final RecordSerde<TrainerMetric> TRAINER_METRIC = new JsonSerde<>(TrainerMetric.class);
  private static final RecordSerde<ModelDecision> MODEL_DECISION = new JsonSerde<>(ModelDecision.class);
  private static final RecordSerde<Segment> SEGMENT = new JsonSerde<>(Segment.class);

  private RecordSerdes() {}

  /** Snippets of {@code lofi.clips.*} and {@code lofi.live.clips}: binary, {@code LOFC}. */
  public static RecordSerde<ClipSnippet> clipSnippet() {
    return CLIP_SNIPPET;
  }

  /** Feature sequences of {@code lofi.features}: binary, {@code LOFF}. */
  public static RecordSerde<FeatureSequence> featureSequence() {
    return FEATURE_SEQUENCE;
  }

  /** Manifests (JSON) and chunks (binary, {@code LOFK}) of {@code lofi.checkpoints}. */
  public static RecordSerde<CheckpointRecord> checkpoint() {
    return CHECKPOINT;
  }

  /** Video metadata of {@code lofi.videos}: JSON. */
  public static RecordSerde<VideoMetadata> videoMetadata() {
    return VIDEO_METADATA;
  }

  /** Ground truth of {@code lofi.annotations}: JSON. */
  public static RecordSerde<VideoAnnotations> videoAnnotations() {
    return VIDEO_ANNOTATIONS;
  }

  /** Training measurements of {@code lofi.trainer.metrics}: JSON. */
  public static RecordSerde<TrainerMetric> trainerMetric() {
    return TRAINER_METRIC;
  }

  /** Promotions, refusals and rollbacks of {@code lofi.model.decisions}: JSON. */
  public static RecordSerde<ModelDecision> modelDecision() {
    return MODEL_DECISION;
  }

  /** Detected actions of {@code lofi.segments}: JSON, one object per event. */
  public static RecordSerde<Segment> segment() {
    return SEGMENT;
  }
}
