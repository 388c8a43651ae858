package dev.lofi.ingest.synth;

import java.nio.file.Path;

/**
 * What {@code lofi synth} makes.
 *
 * @param outDir where videos, annotations and trimmed clips go
 * @param videos untrimmed videos
 * @param seed everything drawn derives from it: same seed, same set
 * @param clipsPerClass trimmed clips of each action class
 * @param backgroundClips trimmed clips with no action
 * @param legible whether classes can be read at a glance: each untrimmed video shows one class,
 *     and the actor wears its class's colour (distractors are grey), so a frame tells the class and
 *     only motion tells when the actions are; by default classes differ by motion alone
 */
public record SynthTalConfig(Path outDir, int videos, long seed, SynthPreset preset, int clipsPerClass, int backgroundClips,
    boolean legible) {

  public static final int DEFAULT_VIDEOS = 40;
  public static final long DEFAULT_SEED = 1;
  public static final int DEFAULT_CLIPS_PER_CLASS = 12;
  public static final int DEFAULT_BACKGROUND_CLIPS = 6;

  public SynthTalConfig {
    if (outDir == null) {
      throw new IllegalArgumentException("outDir must not be null");
    }
    if (videos < 1) {
      throw new IllegalArgumentException("videos must be >= 1, got " + videos);
    }
    if (preset == null) {
      throw new IllegalArgumentException("preset must not be null");
    }
    if (clipsPerClass < 0 || backgroundClips < 0) {
      throw new IllegalArgumentException("clip counts must be >= 0, got " + clipsPerClass + " per class and "
          + backgroundClips + " background");
    }
  }

  /** The defaults: 40 videos, seed 1, preset cpu, 12 trimmed clips per class, 6 background clips, not legible. */
  public static SynthTalConfig defaults(Path outDir) {
    return new SynthTalConfig(outDir, DEFAULT_VIDEOS, DEFAULT_SEED, SynthPreset.CPU, DEFAULT_CLIPS_PER_CLASS,
        DEFAULT_BACKGROUND_CLIPS, false);
  }

  public SynthTalConfig withVideos(int count) {
    return new SynthTalConfig(outDir, count, seed, preset, clipsPerClass, backgroundClips, legible);
  }

  public SynthTalConfig withSeed(long value) {
    return new SynthTalConfig(outDir, videos, value, preset, clipsPerClass, backgroundClips, legible);
  }

  public SynthTalConfig withPreset(SynthPreset value) {
    return new SynthTalConfig(outDir, videos, seed, value, clipsPerClass, backgroundClips, legible);
  }

  public SynthTalConfig withTrimmedClips(int perClass, int background) {
    return new SynthTalConfig(outDir, videos, seed, preset, perClass, background, legible);
  }

  public SynthTalConfig withLegibleClasses(boolean value) {
    return new SynthTalConfig(outDir, videos, seed, preset, clipsPerClass, backgroundClips, value);
  }
}
